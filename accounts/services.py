"""Writes to accounts: roles at sign-up and the moderator's instructor decisions."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from notifications.services import Message, notify

from .models import INSTRUCTORS_GROUP, User
from .notification_kinds import INSTRUCTOR_DECISION

ROLE_STUDENT = "student"
ROLE_INSTRUCTOR = "instructor"
ROLE_CLIENT = "client"


@transaction.atomic
def apply_signup_choices(*, user, role, language, first_name, last_name, phone=None):
    """Record what a new person told us at sign-up. Instructors wait for a moderator."""
    user.first_name = first_name
    user.last_name = last_name
    if phone:
        user.phone = phone
    user.preferred_language = language if language in User.Language.values else "fr"
    if role == ROLE_INSTRUCTOR:
        user.instructor_status = User.InstructorStatus.PENDING
        user.is_student = True
    elif role == ROLE_CLIENT:
        user.is_client = True
    else:
        user.is_student = True
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def request_instructor_role(*, user):
    """A student or client asks to teach; a moderator decides."""
    if user.instructor_status in (User.InstructorStatus.PENDING, User.InstructorStatus.APPROVED):
        return user
    user.instructor_status = User.InstructorStatus.PENDING
    user.save(update_fields=["instructor_status"])
    return user


@transaction.atomic
def decide_instructor(*, user, approve):
    """Approve (admin access through the Instructors group) or decline a pending instructor."""
    user = User.objects.select_for_update().get(pk=user.pk)
    group = Group.objects.get(name=INSTRUCTORS_GROUP)
    if approve:
        user.instructor_status = User.InstructorStatus.APPROVED
        user.groups.add(group)
    else:
        user.instructor_status = User.InstructorStatus.REJECTED
        user.groups.remove(group)
    user.save(update_fields=["instructor_status"])
    _tell_instructor_of_decision(user, approve)
    return user


def _tell_instructor_of_decision(user, approve):
    notify(user, INSTRUCTOR_DECISION, message=lambda: _decision(user, approve))


def _decision(user, approve):
    if approve:
        subject = _("You can now create courses on Beauty Skills Academy")
        text = _(
            "Hello %(name)s,\n\nA moderator approved your instructor account. "
            "Log in to the editor to create your courses: %(url)s\n"
        )
    else:
        subject = _("Your instructor request on Beauty Skills Academy")
        text = _(
            "Hello %(name)s,\n\nA moderator could not approve your instructor account "
            "for now. You can still learn on the academy: %(url)s\n"
        )
    path = "/admin/" if approve else "/"
    url = settings.WAGTAILADMIN_BASE_URL + path
    return Message(subject=subject, text=text % {"name": user, "url": url}, url=path)
