"""Who may read a forum (and so post in it), and who leads it.

A course forum is read by the course's enrolled students (active or completed), its
instructor and moderators; a topic forum by every signed-in member. Leading (endorsing,
Q&A mode, deleting others' posts) is for the course's instructor and moderators."""

from django.db.models import Q

from accounts.models import MODERATORS_GROUP
from core.roles import is_moderator
from enrolment.models import Enrolment

from ..models import Forum

READING_STATUSES = (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)


def moderates(user):
    """is_moderator, asked once per person object (it costs a query)."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_forum_moderator"):
        user._forum_moderator = is_moderator(user)
    return user._forum_moderator


def teaches_in(user, forum):
    """The course's own instructor (the forum's course with its instructor loaded)."""
    return (
        user.is_authenticated
        and forum.kind == Forum.Kind.COURSE
        and forum.course.instructor.user_id == user.pk
    )


def leads(user, forum):
    return moderates(user) or teaches_in(user, forum)


def may_read(user, forum):
    if not user.is_authenticated or not user.is_active:
        return False
    if forum.kind == Forum.Kind.TOPIC or leads(user, forum):
        return True
    return Enrolment.objects.filter(
        user=user, course_id=forum.course_id, status__in=READING_STATUSES
    ).exists()


def readers_among(forum, users):
    """The people in `users` who may read `forum` (a few queries, whatever their number)."""
    users = [user for user in users if user.is_active]
    if forum.kind == Forum.Kind.TOPIC or not users:
        return users
    ids = {user.pk for user in users}
    allowed = set(
        Enrolment.objects.filter(
            user_id__in=ids, course_id=forum.course_id, status__in=READING_STATUSES
        ).values_list("user_id", flat=True)
    )
    allowed |= {forum.course.instructor.user_id}
    allowed |= set(
        type(users[0])
        .objects.filter(Q(is_superuser=True) | Q(groups__name=MODERATORS_GROUP), pk__in=ids)
        .values_list("pk", flat=True)
    )
    return [user for user in users if user.pk in allowed]


def course_forum_filter(user):
    """Q on course pages (default locale) whose forum `user` reads as student or instructor."""
    enrolled = Enrolment.objects.filter(user=user, status__in=READING_STATUSES).values("course_id")
    return Q(pk__in=enrolled) | Q(instructor__user=user)
