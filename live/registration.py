"""Registering for a live session, the waiting list and cancelling. Every change holds
the session's row (select_for_update) and counts places in the database, so fifty
people tapping at once on the last places get exactly the places there are."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.access import is_member
from enrolment.selectors import enrolment_for

from . import notices
from .errors import InvalidInput, NotAllowed
from .models import LiveSession, Registration


def eligibility_refusal(user, session):
    """Why `user` may not register for this session (a translated sentence), or None."""
    if not user.is_authenticated:
        return _("Log in to register.")
    if session.host_id == user.pk:
        return _("You host this session: you do not need to register.")
    if session.kind == LiveSession.Kind.CLASS:
        if enrolment_for(user=user, course=session.course) is None:
            return _("This class is for the students of its course. Enrol in the course first.")
    elif session.kind == LiveSession.Kind.PRACTICE and not is_member(user, session.group):
        return _("This practice session is for the group's members. Join the group first.")
    return None


def _lock(session):
    return LiveSession.objects.select_for_update().get(pk=session.pk)


def _taken(session):
    return Registration.objects.filter(
        session=session, status=Registration.Status.REGISTERED
    ).count()


def register(*, user, session):
    """A place, or a place on the waiting list when the session is full."""
    refusal = eligibility_refusal(user, session)
    if refusal:
        raise NotAllowed(refusal)
    if not session.is_free:
        raise InvalidInput(
            _("Paying for a live session is not open yet. Ask the host about this session.")
        )
    now = timezone.now()
    with transaction.atomic():
        session = _lock(session)
        if session.status != LiveSession.Status.SCHEDULED:
            raise InvalidInput(_("This session is cancelled: registration is closed."))
        if session.starts_at <= now:
            raise InvalidInput(_("This session has started: registration is closed."))
        mine = Registration.objects.filter(session=session, user=user).first()
        if mine is not None and mine.status != Registration.Status.CANCELLED:
            raise InvalidInput(
                _("You are already registered.")
                if mine.status == Registration.Status.REGISTERED
                else _("You are already on the waiting list.")
            )
        has_place = _taken(session) < session.capacity
        status = Registration.Status.REGISTERED if has_place else Registration.Status.WAITING
        if mine is None:
            mine = Registration(session=session, user=user)
        mine.status = status
        mine.queued_at = now
        mine.registered_at = now if has_place else None
        mine.cancelled_at = None
        mine.confirmation_sent_at = None
        mine.save()
        if has_place:
            _confirm_after_commit(mine)
        else:
            notices.waiting(session, user)
    return mine


def cancel(*, user, session):
    """The person gives up their place (or leaves the waiting list); the first on the
    waiting list gets the place."""
    now = timezone.now()
    with transaction.atomic():
        session = _lock(session)
        mine = Registration.objects.filter(
            session=session,
            user=user,
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
        ).first()
        if mine is None:
            raise InvalidInput(_("You are not registered for this session."))
        if session.starts_at <= now:
            raise InvalidInput(_("This session has started: it is too late to cancel."))
        had_place = mine.status == Registration.Status.REGISTERED
        mine.status = Registration.Status.CANCELLED
        mine.cancelled_at = now
        mine.save(update_fields=["status", "cancelled_at"])
        if had_place and session.status == LiveSession.Status.SCHEDULED:
            _move_up(session, now)
    return mine


def _move_up(session, now):
    free = session.capacity - _taken(session)
    if free <= 0:
        return
    promoted = list(
        Registration.objects.filter(session=session, status=Registration.Status.WAITING)
        .select_related("user")
        .order_by("queued_at", "id")[:free]
    )
    for registration in promoted:
        registration.status = Registration.Status.REGISTERED
        registration.registered_at = now
        registration.save(update_fields=["status", "registered_at"])
        _confirm_after_commit(registration, promoted=True)


def _confirm_after_commit(registration, *, promoted=False):
    from .tasks import send_confirmation

    registration_id = registration.pk
    transaction.on_commit(lambda: send_confirmation.delay(registration_id, promoted))
