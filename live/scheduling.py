"""Scheduling a live session and cancelling it. Who may: the course's instructor for a
class, the group's owner for a practice session, a moderator for an expert Q&A. Every
refusal says what to change and stores nothing."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from community.follows import activity
from community.models import Activity, Group
from core.page_locales import canonical
from core.roles import is_moderator, teaches
from course_pages.models import CoursePage

from . import notices, refund_policy
from .errors import InvalidInput, NotAllowed
from .models import (
    MAX_CAPACITY,
    MAX_MINUTES,
    MIN_MINUTES,
    LiveSession,
    PlaceRefund,
    Registration,
)

MAX_TITLE_LENGTH = 120
MAX_DESCRIPTION_LENGTH = 2000
MAX_REFUND_HOURS = 168
DEFAULT_REFUND_HOURS = 24
FURTHEST_AHEAD = timedelta(days=366)


def may_schedule(user, kind):
    """Whether `user` may schedule sessions of this kind at all (which course or group
    is checked by schedule_session)."""
    if not user.is_authenticated:
        return False
    if kind == LiveSession.Kind.EXPERT_QA:
        return is_moderator(user)
    if kind == LiveSession.Kind.PRACTICE:
        return Group.objects.filter(owner=user).exists()
    return courses_taught(user).exists()


def courses_taught(user):
    """The default-locale courses whose instructor page is this person's."""
    return CoursePage.objects.filter(locale=Locale.get_default(), instructor__user=user).order_by(
        "title"
    )


def _text(value, *, limit, required, empty_message):
    text = (value or "").replace("\r\n", "\n").strip()
    if required and not text:
        raise InvalidInput(empty_message)
    if len(text) > limit:
        raise InvalidInput(
            _("This text can be %(limit)s characters at most; it has %(length)s. Shorten it.")
            % {
                "limit": number_format(limit, force_grouping=True),
                "length": number_format(len(text), force_grouping=True),
            }
        )
    return text


def _check_host(host, kind, course, group):
    if kind == LiveSession.Kind.CLASS:
        if course is None:
            raise InvalidInput(_("Choose the course this class belongs to."))
        if not teaches(host, course):
            raise NotAllowed(_("You can only schedule classes for your own courses."))
    elif kind == LiveSession.Kind.PRACTICE:
        if group is None:
            raise InvalidInput(_("Choose the study group this practice session is for."))
        if group.owner_id != host.pk:
            raise NotAllowed(_("Only the group's owner can schedule its practice sessions."))
    elif kind == LiveSession.Kind.EXPERT_QA:
        if not is_moderator(host):
            raise NotAllowed(_("Only the academy's moderators can schedule an expert Q&A."))
    else:
        raise InvalidInput(_("Choose a kind of session."))


def _check_numbers(starts_at, duration_minutes, capacity, price_xaf, refund_hours):
    now = timezone.now()
    if starts_at is None:
        raise InvalidInput(_("Choose the day and time of the session."))
    if starts_at <= now:
        raise InvalidInput(_("Choose a start time in the future."))
    if starts_at > now + FURTHEST_AHEAD:
        raise InvalidInput(_("Choose a time within the next year."))
    if not MIN_MINUTES <= (duration_minutes or 0) <= MAX_MINUTES:
        raise InvalidInput(
            _("A session lasts between %(low)s and %(high)s minutes.")
            % {"low": MIN_MINUTES, "high": MAX_MINUTES}
        )
    if not 1 <= (capacity or 0) <= MAX_CAPACITY:
        raise InvalidInput(
            _("A session has between 1 and %(high)s places.") % {"high": MAX_CAPACITY}
        )
    if (price_xaf or 0) < 0:
        raise InvalidInput(_("The price cannot be negative."))
    if not 0 <= (refund_hours or 0) <= MAX_REFUND_HOURS:
        raise InvalidInput(
            _("The refund limit is between 0 and %(high)s hours before the start.")
            % {"high": MAX_REFUND_HOURS}
        )


def overlapping(host, starts_at, ends_at, *, exclude=None):
    """The host's scheduled sessions that share some time with [starts_at, ends_at)."""
    sessions = LiveSession.objects.filter(
        host=host,
        status=LiveSession.Status.SCHEDULED,
        starts_at__lt=ends_at,
        starts_at__gt=starts_at - timedelta(minutes=MAX_MINUTES),
    )
    if exclude is not None:
        sessions = sessions.exclude(pk=exclude.pk)
    return [session for session in sessions if session.ends_at > starts_at]


def schedule_session(
    *,
    host,
    kind,
    title_fr,
    title_en,
    starts_at,
    duration_minutes,
    capacity,
    description="",
    course=None,
    group=None,
    price_xaf=0,
    refund_hours=DEFAULT_REFUND_HOURS,
    allow_recording=False,
):
    if course is not None:
        course = canonical(course)
    _check_host(host, kind, course, group)
    title_fr = _text(
        title_fr,
        limit=MAX_TITLE_LENGTH,
        required=True,
        empty_message=_("Give the session a French title."),
    )
    title_en = _text(
        title_en,
        limit=MAX_TITLE_LENGTH,
        required=True,
        empty_message=_("Give the session an English title."),
    )
    description = _text(description, limit=MAX_DESCRIPTION_LENGTH, required=False, empty_message="")
    _check_numbers(starts_at, duration_minutes, capacity, price_xaf, refund_hours)
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    with transaction.atomic():
        # Two tabs scheduling at once for one host: the second waits and sees the first.
        get_user_model().objects.select_for_update().filter(pk=host.pk).first()
        if overlapping(host, starts_at, ends_at):
            raise InvalidInput(_("You already host a session at that time. Choose another time."))
        session = LiveSession(
            kind=kind,
            title_fr=title_fr,
            title_en=title_en,
            description=description,
            host=host,
            course=course if kind == LiveSession.Kind.CLASS else None,
            group=group if kind == LiveSession.Kind.PRACTICE else None,
            starts_at=starts_at,
            duration_minutes=duration_minutes,
            capacity=capacity,
            price_xaf=price_xaf or 0,
            refund_hours=refund_hours or 0,
            allow_recording=bool(allow_recording),
        )
        session.full_clean()
        session.save()
        # Practice sessions belong to their group: only open sessions reach followers.
        if kind != LiveSession.Kind.PRACTICE:
            activity.record(actor=host, verb=Activity.Verb.LIVE_SESSION_SCHEDULED, target=session)
    return session


def may_cancel(user, session):
    return user.is_authenticated and (session.host_id == user.pk or is_moderator(user))


def cancel_session(*, by, session):
    """The host (or a moderator) cancels: every registration ends, everyone is told, and
    everyone who paid gets all of it back, whatever the refund limit says."""
    if not may_cancel(by, session):
        raise NotAllowed(_("Only the host can cancel this session."))
    now = timezone.now()
    with transaction.atomic():
        session = LiveSession.objects.select_for_update().get(pk=session.pk)
        if session.status != LiveSession.Status.SCHEDULED:
            raise InvalidInput(_("This session is not scheduled any more."))
        if session.ends_at <= now:
            raise InvalidInput(_("This session is already over."))
        session.status = LiveSession.Status.CANCELLED
        session.cancelled_at = now
        session.save(update_fields=["status", "cancelled_at"])
        told = list(
            Registration.objects.filter(
                session=session,
                status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
            ).select_related("user", "order")
        )
        Registration.objects.filter(pk__in=[r.pk for r in told]).update(
            status=Registration.Status.CANCELLED, cancelled_at=now
        )
        for registration in told:
            refund = _refund_all(session, registration)
            notices.session_cancelled(
                session, registration.user, refund_xaf=refund.amount_xaf if refund else 0
            )
        # Who paid, then cancelled too late for a refund: the class is not held, so
        # their money goes back as well.
        for registration in (
            Registration.objects.filter(
                session=session, status=Registration.Status.CANCELLED, order__isnull=False
            )
            .exclude(pk__in=[r.pk for r in told])
            .exclude(order__in=PlaceRefund.objects.filter(session=session).values("order"))
            .select_related("user", "order")
        ):
            refund = _refund_all(session, registration)
            if refund is not None:
                notices.session_cancelled(session, registration.user, refund_xaf=refund.amount_xaf)
    return session


def _refund_all(session, registration):
    if registration.order is None:
        return None
    return refund_policy.owe(
        order=registration.order,
        session=session,
        user=registration.user,
        reason=PlaceRefund.Reason.SESSION_CANCELLED,
    )
