"""Registering for a live session, the waiting list and cancelling. Every change holds
the session's row (select_for_update) and counts places in the database, so fifty
people tapping at once on the last places get exactly the places there are."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.access import is_member
from enrolment.selectors import enrolment_for

from . import notices, refund_policy
from .errors import InvalidInput, NotAllowed
from .models import LiveSession, PlaceRefund, Registration


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


def lock(session_id):
    """The session's row, held until the transaction ends (None if it is gone)."""
    return LiveSession.objects.select_for_update().filter(pk=session_id).first()


def _taken(session):
    return Registration.objects.filter(
        session=session, status=Registration.Status.REGISTERED
    ).count()


def has_free_place(session):
    return _taken(session) < session.capacity


def register(*, user, session):
    """A place, or a place on the waiting list when the session is full."""
    refusal = eligibility_refusal(user, session)
    if refusal:
        raise NotAllowed(refusal)
    if not session.is_free:
        raise InvalidInput(_("This session is paid: pay for your place from the session's page."))
    now = timezone.now()
    with transaction.atomic():
        session = lock(session.pk)
        closed = closed_refusal(session, now)
        if closed:
            raise InvalidInput(closed)
        mine = Registration.objects.filter(session=session, user=user).first()
        held = held_refusal(mine)
        if held:
            raise InvalidInput(held)
        has_place = has_free_place(session)
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
            confirm_after_commit(mine)
        else:
            notices.waiting(session, user)
    return mine


def closed_refusal(session, now):
    """Why nobody can get a place in this session any more, or None."""
    if session.status != LiveSession.Status.SCHEDULED:
        return _("This session is cancelled: registration is closed.")
    if session.starts_at <= now:
        return _("This session has started: registration is closed.")
    return None


def held_refusal(mine):
    """Why this person cannot ask again: they hold a place or wait for one, or None."""
    if mine is None or mine.status == Registration.Status.CANCELLED:
        return None
    if mine.status == Registration.Status.REGISTERED:
        return _("You are already registered.")
    return _("You are already on the waiting list.")


def cancel(*, user, session, expect_refund=None):
    """The person gives up their place (or leaves the waiting list); the first on the
    waiting list gets the place. A paid place cancelled before the refund limit is
    refunded in full, later not at all. `expect_refund` is what the page promised:
    when the limit passed meanwhile, nothing is cancelled and the person is told."""
    now = timezone.now()
    with transaction.atomic():
        session = lock(session.pk)
        mine = (
            Registration.objects.filter(
                session=session,
                user=user,
                status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
            )
            .select_related("order")
            .first()
        )
        if mine is None:
            raise InvalidInput(_("You are not registered for this session."))
        if session.starts_at <= now:
            raise InvalidInput(_("This session has started: it is too late to cancel."))
        had_place = mine.status == Registration.Status.REGISTERED
        refunded = mine.order_id is not None and refund_policy.refunds_if_cancelled(session, now)
        if expect_refund and mine.order_id is not None and not refunded:
            raise InvalidInput(
                _(
                    "The refund limit passed while you were deciding: cancelling now gives "
                    "no refund. Your place is kept; cancel again if you still want to."
                )
            )
        mine.status = Registration.Status.CANCELLED
        mine.cancelled_at = now
        mine.save(update_fields=["status", "cancelled_at"])
        # What the page tells the person: the money coming back, if any.
        mine.refund = None
        if refunded:
            mine.refund = refund_policy.owe(
                order=mine.order,
                session=session,
                user=user,
                reason=PlaceRefund.Reason.CANCELLED_IN_TIME,
            )
        if had_place and session.status == LiveSession.Status.SCHEDULED:
            move_up(session, now)
    return mine


def move_up(session, now):
    """Free places go to the waiting list, in order (only free sessions have one)."""
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
        confirm_after_commit(registration, promoted=True)


def confirm_after_commit(registration, *, promoted=False):
    from .tasks import send_confirmation

    registration_id = registration.pk
    transaction.on_commit(lambda: send_confirmation.delay(registration_id, promoted))
