"""Places bought through checkout. A paid order gets a place only while one is free:
when the session filled up, started or was cancelled before the payment arrived, the
money goes back automatically and the person is told — a room never holds more people
than its places, and nobody pays for a place they do not have. A full refund made in
checkout gives the place up."""

from django.utils import timezone

from checkout.review import flag_for_review
from core.ids import parse_id

from . import notices, refund_policy, registration
from .models import LiveSession, PlaceRefund, Registration


def place_paid(*, order, now=None):
    """Give the buyer of `order` a place, or their money back. Runs in checkout's
    transaction (the order is locked); a second call for the same order changes nothing."""
    now = now or timezone.now()
    session = registration.lock(parse_id(order.item_id))
    if session is None:
        flag_for_review(order, "Paid for a live session that no longer exists: refund by hand.")
        return None
    mine = Registration.objects.filter(session=session, user_id=order.user_id).first()
    if mine is not None and mine.order_id == order.pk:
        return mine  # already seated by this order
    if PlaceRefund.objects.filter(order=order).exists():
        return None  # already given back
    no_place = (
        registration.closed_refusal(session, now)
        or registration.held_refusal(mine)
        or not registration.has_free_place(session)
    )
    if no_place:
        refund = refund_policy.owe(
            order=order, session=session, user=order.user, reason=PlaceRefund.Reason.PLACE_GONE
        )
        if refund is not None:
            notices.place_gone(session, order.user, amount_xaf=refund.amount_xaf)
        return None
    if mine is None:
        mine = Registration(session=session, user=order.user)
    mine.status = Registration.Status.REGISTERED
    mine.queued_at = mine.registered_at = now
    mine.cancelled_at = mine.confirmation_sent_at = None
    mine.order = order
    mine.save()
    registration.confirm_after_commit(mine)
    return mine


def place_of(order):
    """The registration `order` paid for, while it still holds the place (or None)."""
    return Registration.objects.filter(
        order=order, session_id=parse_id(order.item_id), status=Registration.Status.REGISTERED
    ).first()


def give_up_place(*, order, now=None):
    """Checkout refunded `order` in full: its place ends and the waiting list moves up.
    Nothing to do when the place was already given up (our own refunds come here too)."""
    now = now or timezone.now()
    session = registration.lock(parse_id(order.item_id))
    if session is None:
        return None
    mine = place_of(order)
    if mine is None:
        return None
    mine.status = Registration.Status.CANCELLED
    mine.cancelled_at = now
    mine.save(update_fields=["status", "cancelled_at"])
    if session.status == LiveSession.Status.SCHEDULED and session.starts_at > now:
        registration.move_up(session, now)
    return mine
