"""Changes after booking: cancellations and their refunds, moving an appointment,
marking it attended, and the client's review. One transaction per change; notices
and refunds go out as tasks after commit."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from checkout.models import Order
from directory.models import Review
from directory.services import refresh_rating

from . import services, signals, tasks
from .errors import BookingError, NotAllowed, SlotUnavailable
from .holds import expire_stale_holds
from .models import Booking, Schedule
from .notices import deposit_description


def _own_booking_for_update(booking, user, *, as_professional=False):
    locked = Booking.objects.select_for_update().select_related("service").get(pk=booking.pk)
    owner_id = locked.professional.user_id if as_professional else locked.client_id
    if owner_id != user.pk:
        raise NotAllowed(_("This booking is not yours."))
    return locked


def paid_deposit_xaf(booking):
    """What the client really paid for the deposit and has not had back: a coupon may
    have lowered the order below the booking's deposit, so refunds start from here."""
    if not booking.order_id:
        return 0
    amount, refunded = Order.objects.filter(pk=booking.order_id).values_list(
        "amount_xaf", "refunded_xaf"
    ).first() or (0, 0)
    return max(0, min(booking.deposit_xaf, amount - refunded))


def client_refund_for(booking, *, now):
    """What the professional's policy gives back when the client cancels now."""
    if booking.status != Booking.Status.CONFIRMED or not booking.order_id:
        return 0
    paid = paid_deposit_xaf(booking)
    schedule = Schedule.objects.filter(professional_id=booking.professional_id).first()
    full_hours = schedule.full_refund_hours if schedule else 24
    late_percent = schedule.late_refund_percent if schedule else 0
    if booking.starts_at - now >= datetime.timedelta(hours=full_hours):
        return paid
    return paid * late_percent // 100


@transaction.atomic
def cancel_by_client(*, booking, user, now=None):
    """Cancel a held or confirmed booking; the policy decides the refund."""
    now = now or timezone.now()
    booking = _own_booking_for_update(booking, user)
    if booking.status not in (Booking.Status.HELD, Booking.Status.CONFIRMED):
        raise NotAllowed(_("This booking can no longer be cancelled."))
    if booking.starts_at <= now:
        raise NotAllowed(_("This appointment has already started."))
    refund_xaf = client_refund_for(booking, now=now)
    return _cancel(booking, by=Booking.CancelledBy.CLIENT, refund_xaf=refund_xaf, now=now)


@transaction.atomic
def cancel_by_professional(*, booking, user, now=None):
    """The professional cancels: the whole deposit always goes back."""
    now = now or timezone.now()
    booking = _own_booking_for_update(booking, user, as_professional=True)
    if booking.status not in (Booking.Status.HELD, Booking.Status.CONFIRMED):
        raise NotAllowed(_("This booking can no longer be cancelled."))
    refund_xaf = paid_deposit_xaf(booking)
    return _cancel(booking, by=Booking.CancelledBy.PROFESSIONAL, refund_xaf=refund_xaf, now=now)


@transaction.atomic
def cancel_by_academy(*, booking, now=None):
    """Support cancels for the client or the professional: the whole deposit paid
    always goes back, whatever the policy (neither party chose it)."""
    now = now or timezone.now()
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status not in (Booking.Status.HELD, Booking.Status.CONFIRMED):
        raise NotAllowed(_("This booking can no longer be cancelled."))
    refund_xaf = paid_deposit_xaf(booking)
    return _cancel(booking, by=Booking.CancelledBy.ACADEMY, refund_xaf=refund_xaf, now=now)


def _cancel(booking, *, by, refund_xaf, now):
    """The one cancellation step (inside the caller's transaction, booking locked):
    notices go out if it was confirmed, and the refund due is paid by a task."""
    was_confirmed = booking.status == Booking.Status.CONFIRMED
    booking.refund_due_xaf = refund_xaf
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_at = now
    booking.cancelled_by = by
    booking.save(update_fields=["status", "cancelled_at", "cancelled_by", "refund_due_xaf"])
    if was_confirmed:
        tasks.after_commit(tasks.send_cancellation, booking.pk)
    if booking.refund_due_xaf:
        tasks.after_commit(tasks.refund_deposit, booking.pk, tasks.CANCELLED)
    return booking


def reschedule(*, booking, user, starts_at, now=None):
    """Move a confirmed booking to another free slot of the same service."""
    now = now or timezone.now()
    with transaction.atomic():
        if booking.client_id != user.pk:
            raise NotAllowed(_("This booking is not yours."))
        schedule = services.lock_schedule(booking.professional_id)
        booking = _own_booking_for_update(booking, user)
        if booking.status != Booking.Status.CONFIRMED or booking.starts_at <= now:
            raise NotAllowed(_("Only a confirmed appointment still to come can be moved."))
        if starts_at == booking.starts_at:
            raise SlotUnavailable(_("Choose a different time from the current one."))
        expire_stale_holds(booking.professional_id, now)
        booking.ends_at = services.check_slot(
            schedule,
            duration_minutes=booking.service.duration_minutes,
            starts_at=starts_at,
            now=now,
            ignore_booking_id=booking.pk,
        )
        booking.starts_at = starts_at
        booking.sequence += 1
        booking.reminded_at = None
        booking.full_clean()
        services.save_or_taken(
            booking, update_fields=["starts_at", "ends_at", "sequence", "reminded_at"]
        )
        _retitle_order(booking)
        tasks.after_commit(tasks.send_reschedule_notice, booking.pk)
    return booking


def _retitle_order(booking):
    """The deposit order names the appointment's time: "my orders" and receipts must
    show the new one, not the time first booked."""
    if booking.order_id:
        Order.objects.filter(pk=booking.order_id).update(
            description=deposit_description(booking)[:255]
        )


def _mark_attended(booking, user, status, now):
    booking = _own_booking_for_update(booking, user, as_professional=True)
    if booking.status != Booking.Status.CONFIRMED:
        raise NotAllowed(_("Only a confirmed booking can be marked this way."))
    if booking.starts_at > now:
        raise NotAllowed(_("The appointment has not started yet."))
    booking.status = status
    booking.save(update_fields=["status"])
    services.announce(
        signals.completed if status == Booking.Status.COMPLETED else signals.no_show, booking
    )
    return booking


@transaction.atomic
def mark_completed(*, booking, user, now=None):
    return _mark_attended(booking, user, Booking.Status.COMPLETED, now or timezone.now())


@transaction.atomic
def mark_no_show(*, booking, user, now=None):
    return _mark_attended(booking, user, Booking.Status.NO_SHOW, now or timezone.now())


@transaction.atomic
def write_review(*, booking, user, rating, text):
    """The client's one review of a completed booking; the rating is recounted."""
    booking = _own_booking_for_update(booking, user)
    if rating not in range(1, 6):
        raise BookingError(_("Give a rating from 1 to 5 stars."))
    if booking.status != Booking.Status.COMPLETED:
        raise NotAllowed(_("You can review an appointment only once it is completed."))
    if booking.review_id is not None:
        raise NotAllowed(_("You have already reviewed this appointment."))
    review = Review(professional=booking.professional, author=user, rating=rating, text=text)
    review.full_clean()
    review.save()
    booking.review = review
    booking.save(update_fields=["review"])
    refresh_rating(professional=booking.professional)
    return review
