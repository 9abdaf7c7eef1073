"""Reads for the group pages: the searchable list, one group's members, wall and
calendar. Each read is a fixed number of queries, whatever the number of groups,
members, resources or sessions."""

from django.db.models import Case, Count, Prefetch, Q, When
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from course_pages.models import CourseCategory

from . import reports
from .models import Group, Membership, PracticeSession, Report, Resource, ResourcePhoto, Rsvp

MEMBERS_SHOWN = 24
SESSION_GRACE = timezone.timedelta(hours=3)


def display_name(user):
    """How people appear in the community: first name and initial, or "deleted account"."""
    if user is None:
        return _("Deleted account")
    initial = f" {user.last_name[:1]}." if user.last_name else ""
    return f"{user.first_name}{initial}".strip() or _("A member")


def specialities():
    """[(default-locale category, name in the active language)], in the catalogue's order.
    One query: the few categories in every language."""
    default = Locale.get_default()
    rows = list(CourseCategory.objects.select_related("locale").order_by("sort_order", "name"))
    language = (get_language() or default.language_code)[:2]
    names = {row.translation_key: row.name for row in rows if row.locale.language_code == language}
    return [
        (row, names.get(row.translation_key, row.name))
        for row in rows
        if row.locale_id == default.pk
    ]


def speciality_names():
    return {category.pk: name for category, name in specialities()}


def listed_groups(*, town=None, speciality=None, language="", query=""):
    """Visible groups matching the search, newest first, with their member counts."""
    groups = (
        Group.objects.filter(visibility=Group.Visibility.VISIBLE)
        .select_related("town")
        .annotate(
            member_count=Count(
                "memberships", filter=Q(memberships__status=Membership.Status.MEMBER)
            )
        )
        .order_by("-created_at", "-id")
    )
    if town is not None:
        groups = groups.filter(town=town)
    if speciality is not None:
        groups = groups.filter(speciality=speciality)
    if language:
        groups = groups.filter(language=language)
    for word in (query or "").split()[:8]:
        groups = groups.filter(Q(name__icontains=word) | Q(description__icontains=word))
    return groups


def statuses_in(user, groups):
    """{group id: membership status} of `user` in these groups (one query)."""
    if not user.is_authenticated:
        return {}
    return dict(
        Membership.objects.filter(user=user, group__in=[g.pk for g in groups]).values_list(
            "group_id", "status"
        )
    )


def members(group, limit=MEMBERS_SHOWN):
    """(the first members, owner first then by arrival, and how many there are)."""
    rows = Membership.objects.filter(group=group, status=Membership.Status.MEMBER)
    shown = list(
        rows.select_related("user")
        .annotate(is_owner=Case(When(user_id=group.owner_id or 0, then=1), default=0))
        .order_by("-is_owner", "created_at", "id")[:limit]
    )
    return shown, rows.count()


def requests(group):
    return list(
        Membership.objects.filter(group=group, status=Membership.Status.REQUESTED)
        .select_related("user")
        .order_by("created_at", "id")
    )


def wall(group, *, viewer_id=None, show_hidden=False):
    """The group's resources, newest first, with authors and photos. A resource hidden
    by reports stays visible to its author (marked) and to moderators."""
    resources = Resource.objects.filter(group=group)
    if not show_hidden:
        visible = Q(visibility=Resource.Visibility.VISIBLE)
        if viewer_id:
            visible |= Q(author_id=viewer_id, visibility=Resource.Visibility.WAITING)
        resources = resources.filter(visible)
    return resources.select_related("author", "supplier_town").prefetch_related(
        Prefetch("photos", queryset=ResourcePhoto.objects.order_by("id"))
    )


def upcoming_sessions(group, *, viewer=None):
    """Sessions from a little before now, with yes/no counts and the viewer's answer."""
    sessions = list(
        PracticeSession.objects.filter(group=group, starts_at__gte=timezone.now() - SESSION_GRACE)
        .annotate(
            coming=Count("rsvps", filter=Q(rsvps__going=True)),
            not_coming=Count("rsvps", filter=Q(rsvps__going=False)),
        )
        .order_by("starts_at", "id")
    )
    answers = {}
    if viewer is not None and viewer.is_authenticated and sessions:
        answers = dict(
            Rsvp.objects.filter(user=viewer, session__in=sessions).values_list(
                "session_id", "going"
            )
        )
    for session in sessions:
        session.my_answer = answers.get(session.pk)
    return sessions


def coming_names(sessions):
    """{session id: [names of who comes]} for these sessions (one query)."""
    names = {}
    rows = (
        Rsvp.objects.filter(session__in=sessions, going=True)
        .select_related("user")
        .order_by("answered_at")
    )
    for answer in rows:
        names.setdefault(answer.session_id, []).append(display_name(answer.user))
    return names


def reports_about(user, *, limit=30):
    """Reports on anything `user` posted in the community (groups they own, wall
    resources, forum posts, challenges, mentoring), newest first. One query."""
    about = Q(pk__in=[])
    for reportable in reports.registered():
        posted = reportable.model._default_manager.filter(**{reportable.author_field: user}).values(
            "pk"
        )
        about |= Q(kind=reportable.kind, object_id__in=posted)
    found = list(
        Report.objects.filter(about).select_related("reporter").order_by("-created_at")[:limit]
    )
    for report in found:
        kind = reports.get(report.kind)
        report.kind_label = kind.label if kind and kind.label else report.kind
    return found
