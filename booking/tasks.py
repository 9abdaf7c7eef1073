"""Booking jobs: hold expiry, reminders, notices and refunds. Each claims its work
with a conditional UPDATE first, so running twice sends or refunds nothing twice."""

import datetime

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from checkout.errors import RefundError
from checkout.models import Order, Payment, Refund
from checkout.refunds import refund_payment, refundable_xaf
from checkout.review import flag_for_review
from checkout.staff_notices import moderators

from . import holds, notices
from .models import Booking

SLOT_TAKEN, CANCELLED = "slot_taken", "cancelled"


def after_commit(task, *args):
    """Queue `task` once the caller's transaction commits (never for a rolled-back change)."""
    transaction.on_commit(lambda: task.delay(*args))


def _booking(booking_id):
    return (
        Booking.objects.select_related(
            "service", "client", "professional", "professional__user", "professional__town"
        )
        .filter(pk=booking_id)
        .first()
    )


@shared_task
def expire_unpaid_holds():
    """Beat: holds past their time free their slot."""
    return holds.expire_unpaid_holds()


@shared_task
def send_due_reminders():
    """Beat: one reminder per confirmed booking starting within the reminder window."""
    now = timezone.now()
    window = datetime.timedelta(hours=settings.BOOKING_REMINDER_HOURS)
    due = list(
        Booking.objects.filter(
            status=Booking.Status.CONFIRMED,
            reminded_at__isnull=True,
            starts_at__gt=now,
            starts_at__lte=now + window,
        ).values_list("pk", flat=True)[:500]
    )
    sent = 0
    for booking_id in due:
        with transaction.atomic():
            claimed = Booking.objects.filter(
                pk=booking_id, status=Booking.Status.CONFIRMED, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                notices.tell_both_sides(_booking(booking_id), notices.REMINDER)
                sent += 1
    return sent


@shared_task
def send_confirmation(booking_id):
    # The claim and the queued messages commit together; delivery retries on its own.
    with transaction.atomic():
        claimed = Booking.objects.filter(
            pk=booking_id, status=Booking.Status.CONFIRMED, confirmation_sent_at__isnull=True
        ).update(confirmation_sent_at=timezone.now())
        if not claimed:
            return "already sent"
        notices.tell_both_sides(_booking(booking_id), notices.CONFIRMED)
    return "sent"


@shared_task
def send_reschedule_notice(booking_id):
    booking = _booking(booking_id)
    if booking is not None and booking.status == Booking.Status.CONFIRMED:
        notices.tell_both_sides(booking, notices.MOVED)


@shared_task
def send_cancellation(booking_id):
    booking = _booking(booking_id)
    if booking is not None and booking.status == Booking.Status.CANCELLED:
        notices.tell_both_sides(booking, notices.CANCELLED)


@shared_task
def refund_deposit(booking_id, reason):
    """Pay back `refund_due_xaf` of the booking's deposit, once. Checkout takes the refund
    from there: done, pending until the provider settles it, or waiting for staff in the
    refund queue (no refund API, refused, never settled) — never given up in silence."""
    claimed = Booking.objects.filter(
        pk=booking_id, refund_due_xaf__gt=0, refund_claimed_at__isnull=True
    ).update(refund_claimed_at=timezone.now())
    if not claimed:
        return "already handled"
    booking = _booking(booking_id)
    payment = Payment.objects.filter(order_id=booking.order_id, status=Payment.Status.PAID).first()
    if payment is None:
        return "nothing was paid"
    if _refund_already_asked(booking):
        # A run of this task that died after checkout made the refund: checkout's own
        # checks take that refund to its end.
        Booking.objects.filter(pk=booking_id).update(refunded_at=timezone.now())
        return "already asked"
    amount = min(booking.refund_due_xaf, refundable_xaf(payment.order))
    if amount <= 0:
        # A moderator refunded it meanwhile: nothing is left to give back.
        Booking.objects.filter(pk=booking_id).update(refunded_at=timezone.now())
        return "nothing left to refund"
    try:
        refund = refund_payment(
            payment=payment,
            amount_xaf=amount,
            reason=_refund_reason(booking, reason),
            requested_by=None,
        )
    except RefundError:  # refunded by a moderator at this very moment
        Booking.objects.filter(pk=booking_id).update(refunded_at=timezone.now())
        return "nothing left to refund"
    Booking.objects.filter(pk=booking_id).update(refunded_at=timezone.now())
    if reason == SLOT_TAKEN:
        # Checkout's refund notice says how much; this one says why.
        with transaction.atomic():
            notices.tell_client_slot_was_taken(booking, amount_xaf=amount)
    return refund.status


def _refund_reason(booking, reason):
    return f"booking {booking.reference}: {reason}"


def _refund_already_asked(booking):
    return (
        Refund.objects.filter(
            payment__order_id=booking.order_id,
            reason__startswith=_refund_reason(booking, ""),
        )
        .exclude(status=Refund.Status.FAILED)
        .exists()
    )


@shared_task
def requeue_stuck_refunds():
    """Beat: a deposit refund due for a while and still not under way (its task was never
    queued, or the worker died before checkout took the refund) is asked for again, up
    to BOOKING_REFUND_MAX_REQUEUES times. Then the order is flagged for review and the
    moderators are told, once. Each booking is taken by one conditional UPDATE."""
    now = timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.BOOKING_REFUND_STUCK_MINUTES)
    stuck = Booking.objects.filter(
        Q(refund_claimed_at__isnull=True, cancelled_at__lte=cutoff)
        | Q(refund_claimed_at__isnull=True, order__paid_at__lte=cutoff)
        | Q(refund_claimed_at__lte=cutoff),
        refund_due_xaf__gt=0,
        refunded_at__isnull=True,
        refund_flagged_at__isnull=True,
    )
    limit = settings.BOOKING_REFUND_MAX_REQUEUES
    requeued = flagged = 0
    for booking_id, requeues, claimed_at in stuck.values_list(
        "pk", "refund_requeues", "refund_claimed_at"
    )[:200]:
        if requeues >= limit:
            flagged += _hand_refund_to_staff(booking_id, now=now)
            continue
        with transaction.atomic():
            taken = Booking.objects.filter(
                pk=booking_id,
                refunded_at__isnull=True,
                refund_requeues=requeues,
                refund_claimed_at=claimed_at,
            ).update(refund_claimed_at=None, refund_requeues=requeues + 1)
            if taken:
                booking = Booking.objects.get(pk=booking_id)
                reason = CANCELLED if booking.status == Booking.Status.CANCELLED else SLOT_TAKEN
                after_commit(refund_deposit, booking_id, reason)
                requeued += 1
    return {"requeued": requeued, "flagged": flagged}


@transaction.atomic
def _hand_refund_to_staff(booking_id, *, now):
    taken = Booking.objects.filter(
        pk=booking_id, refunded_at__isnull=True, refund_flagged_at__isnull=True
    ).update(refund_flagged_at=now)
    if not taken:
        return 0
    booking = _booking(booking_id)
    if booking.order_id:
        order = Order.objects.select_for_update().get(pk=booking.order_id)
        flag_for_review(
            order,
            f"Deposit refund of {booking.refund_due_xaf} FCFA for booking {booking.reference} "
            f"never started (asked {booking.refund_requeues} more times): refund by hand.",
        )
    notices.tell_moderators_refund_stuck(booking, moderators())
    return 1


@shared_task
def refund_extra_order(order_id, booking_id):
    """A second deposit paid for a booking already paid: all of it goes back."""
    payment = (
        Payment.objects.select_related("order")
        .filter(order_id=order_id, status=Payment.Status.PAID)
        .first()
    )
    if payment is None:
        return "nothing was paid"
    remaining = refundable_xaf(payment.order)
    if remaining <= 0:
        return "already refunded"
    try:
        refund_payment(
            payment=payment,
            amount_xaf=remaining,
            reason=f"booking {booking_id}: deposit paid twice",
            requested_by=None,
        )
    except RefundError:
        return "already refunded"
    return "refunded"
