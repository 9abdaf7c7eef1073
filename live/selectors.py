"""Reads for the live-session pages. Each is a fixed number of queries, however many
sessions or registrations there are."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Locale

from community.models import Membership
from core.page_locales import localize_pages
from core.roles import is_moderator
from course_pages.models import CoursePage

from .models import MAX_MINUTES, LiveSession, Presence, Registration, SessionRecording

REGISTERED = Registration.Status.REGISTERED
WAITING = Registration.Status.WAITING


def _counted(sessions):
    return sessions.annotate(
        taken=Count("registrations", filter=Q(registrations__status=REGISTERED), distinct=True),
        waiting=Count("registrations", filter=Q(registrations__status=WAITING), distinct=True),
    )


def _visible_to(sessions, viewer):
    """Practice sessions are for their group: its members, the host, moderators."""
    if is_moderator(viewer):
        return sessions
    open_kinds = ~Q(kind=LiveSession.Kind.PRACTICE)
    if not viewer.is_authenticated:
        return sessions.filter(open_kinds)
    groups = Membership.objects.filter(user=viewer, status=Membership.Status.MEMBER).values(
        "group_id"
    )
    return sessions.filter(open_kinds | Q(group_id__in=groups) | Q(host=viewer))


def _not_over(sessions, now):
    # The longest session lasts MAX_MINUTES: anything starting earlier is over.
    return [s for s in sessions if s.ends_at > now]


def upcoming(*, viewer, kind="", course=None):
    """Scheduled sessions not over yet, soonest first, with their counts."""
    now = timezone.now()
    sessions = LiveSession.objects.filter(
        status=LiveSession.Status.SCHEDULED,
        starts_at__gt=now - timedelta(minutes=MAX_MINUTES),
    )
    if kind:
        sessions = sessions.filter(kind=kind)
    if course is not None:
        sessions = sessions.filter(course=course)
    sessions = _visible_to(sessions, viewer)
    rows = _counted(sessions.select_related("host", "group")).order_by("starts_at", "id")
    return _not_over(rows, now)


def reader_locale():
    language = (get_language() or "fr")[:2]
    return Locale.objects.filter(language_code=language).first() or Locale.get_default()


def course_titles(sessions):
    """{course id: title in the reader's language} (one query, two at most)."""
    courses = {s.course_id: s.course for s in sessions if s.course_id}
    if not courses:
        return {}
    loaded = list(CoursePage.objects.filter(pk__in=courses).select_related("locale"))
    shown = localize_pages(loaded, reader_locale())
    return {page.pk: shown_page.title for page, shown_page in zip(loaded, shown, strict=True)}


def courses_with_sessions():
    """Default-locale courses that have classes coming, named in the reader's language."""
    ids = (
        LiveSession.objects.filter(
            kind=LiveSession.Kind.CLASS,
            status=LiveSession.Status.SCHEDULED,
            starts_at__gt=timezone.now() - timedelta(minutes=MAX_MINUTES),
        )
        .values_list("course_id", flat=True)
        .distinct()
    )
    loaded = list(CoursePage.objects.filter(pk__in=list(ids)).order_by("title"))
    shown = localize_pages(loaded, reader_locale())
    return [(page, shown_page.title) for page, shown_page in zip(loaded, shown, strict=True)]


def statuses_of(user, sessions):
    """{session id: the person's registration status} (one query)."""
    if not user.is_authenticated or not sessions:
        return {}
    return dict(
        Registration.objects.filter(user=user, session__in=[s.pk for s in sessions]).values_list(
            "session_id", "status"
        )
    )


def session_for(session_id, *, viewer):
    """One session with its counts, if the viewer may see it (else None)."""
    sessions = _visible_to(LiveSession.objects.filter(pk=session_id), viewer)
    return _counted(sessions.select_related("host", "group", "course")).first()


def registrants(session):
    """The people registered, then the waiting list, each in order (one query)."""
    return list(
        Registration.objects.filter(session=session, status__in=[REGISTERED, WAITING])
        .select_related("user")
        .order_by("status", "queued_at", "id")
    )


def attendance(session):
    """Every stay in the room, who and when (one query)."""
    return list(
        Presence.objects.filter(session=session).select_related("user").order_by("joined_at")
    )


def recordings_of(session):
    """The session's recordings with their video and lesson (one query)."""
    return list(
        SessionRecording.objects.filter(session=session)
        .select_related("video", "lesson")
        .order_by("created_at", "id")
    )


def my_sessions(user):
    """(sessions I registered for or wait for, sessions I host), not over yet."""
    now = timezone.now()
    since = now - timedelta(minutes=MAX_MINUTES)
    mine = list(
        Registration.objects.filter(
            user=user,
            status__in=[REGISTERED, WAITING],
            session__status=LiveSession.Status.SCHEDULED,
            session__starts_at__gt=since,
        )
        .select_related("session", "session__host")
        .order_by("session__starts_at", "id")
    )
    hosted = LiveSession.objects.filter(
        host=user, status=LiveSession.Status.SCHEDULED, starts_at__gt=since
    )
    return (
        [r for r in mine if r.session.ends_at > now],
        _not_over(_counted(hosted).order_by("starts_at", "id"), now),
    )
