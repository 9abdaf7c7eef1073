"""The refund policy of paid places: a person who cancels more than the session's
`refund_hours` before the start gets all of it back, later nothing; a host cancelling,
or a payment arriving when no place is left, gives everything back. The money itself
goes back through checkout's refund service, in a job queued after commit."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import PlaceRefund


def full_refund_until(session):
    """The last moment a cancellation still gets the whole price back."""
    return session.starts_at - timedelta(hours=session.refund_hours)


def refunds_if_cancelled(session, now=None):
    return (now or timezone.now()) < full_refund_until(session)


def owe(*, order, session, user, reason):
    """Record, in the caller's transaction, that what is left of `order` goes back, and
    queue the refund once that commits. A second call for the same order (a replayed
    callback, a double tap) finds the first and queues nothing."""
    amount = order.amount_xaf - order.refunded_xaf
    if amount <= 0:
        return None
    refund, created = PlaceRefund.objects.get_or_create(
        order=order,
        defaults={"session": session, "user": user, "reason": reason, "amount_xaf": amount},
    )
    if created:
        from .tasks import refund_place

        transaction.on_commit(lambda: refund_place.delay(refund.pk))
    return refund
