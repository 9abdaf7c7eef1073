"""Booking rules. Every transition is one function in one transaction.

Bookings of one professional are serialised on their Schedule row (select_for_update;
on SQLite the IMMEDIATE transaction does the same), and on PostgreSQL an exclusion
constraint forbids overlapping bookings whatever the code does."""

import datetime
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import BookingError, NotAllowed, SlotTaken, SlotUnavailable
from .models import Booking, Schedule, TimeOff, WeeklyHours
from .selectors import busy_and_time_off, rules_for
from .slots import DOUALA, Slot, free_slots


def hold_minutes():
    return datetime.timedelta(minutes=settings.BOOKING_HOLD_MINUTES)


def new_video_url():
    """A Jitsi Meet room nobody can guess (128 random bits)."""
    base = settings.BOOKING_VIDEO_BASE_URL.rstrip("/")
    return f"{base}/BeautySkills-{secrets.token_urlsafe(16)}"


def _after_commit(task, *args):
    transaction.on_commit(lambda: task.delay(*args))


# --- Holding and confirming a slot -------------------------------------------------------


def bookable_service(service_id):
    """The active service of a live professional, or a clear refusal (tampered ids)."""
    from directory.models import Service

    try:
        service_id = int(service_id)
    except (TypeError, ValueError):
        service_id = None
    service = (
        Service.objects.select_related("professional")
        .filter(pk=service_id, is_active=True, professional__live=True)
        .first()
    )
    if service is None:
        raise BookingError(_("This service is not available for booking."))
    return service


def _lock_schedule(professional_id):
    schedule = (
        Schedule.objects.select_for_update()
        .filter(professional_id=professional_id)
        .prefetch_related("weekly_hours")
        .first()
    )
    if schedule is None:
        raise SlotUnavailable(_("This professional does not take bookings online yet."))
    return schedule


def _expire_stale_holds(professional_id, now):
    """Holds past their time give their slot back before anyone else books it (the
    exclusion constraint would otherwise still see them)."""
    Booking.objects.filter(
        professional_id=professional_id, status=Booking.Status.HELD, hold_expires_at__lte=now
    ).update(status=Booking.Status.EXPIRED)


def _check_slot(schedule, *, duration_minutes, starts_at, now, ignore_booking_id=None):
    """The end of the slot starting at `starts_at`, or the reason it cannot be booked."""
    if starts_at <= now:
        raise SlotUnavailable(_("This time has already passed. Please choose a time to come."))
    rules = rules_for(schedule, duration_minutes=duration_minutes)
    wanted = Slot(starts_at, starts_at + rules.duration)
    day = starts_at.astimezone(DOUALA).date()
    busy, time_off = busy_and_time_off(
        schedule,
        start=wanted.start,
        end=wanted.end,
        now=now,
        ignore_booking_id=ignore_booking_id,
    )

    def offered(busy):
        found = free_slots(
            rules=rules, now=now, busy=busy, time_off=time_off, first_day=day, last_day=day
        )
        return wanted in found

    if not offered(()):
        if starts_at < now + rules.notice:
            raise SlotUnavailable(
                _("This professional needs at least %(hours)d hours' notice.")
                % {"hours": schedule.min_notice_hours}
            )
        if starts_at >= now + rules.horizon:
            raise SlotUnavailable(
                _("Bookings open at most %(days)d days ahead.") % {"days": schedule.horizon_days}
            )
        raise SlotUnavailable(
            _("The professional is not available at this time. Please choose a time shown.")
        )
    if not offered(busy):
        raise SlotTaken(_("This slot was just taken. Please choose another one."))
    return wanted.end


def _save_or_taken(booking, **save_options):
    """Save; an overlap caught by the exclusion constraint is the same clear answer."""
    try:
        with transaction.atomic():
            booking.save(**save_options)
    except IntegrityError as error:
        raise SlotTaken(_("This slot was just taken. Please choose another one.")) from error


def hold_slot(*, client, service_id, starts_at, now=None):
    """Hold a free slot for the client while the deposit is paid. The deposit and the
    price come from the service, never from the request. A service without a deposit
    is confirmed at once."""
    now = now or timezone.now()
    service = bookable_service(service_id)
    if service.professional.user_id == client.pk:
        raise NotAllowed(_("You cannot book your own service."))
    with transaction.atomic():
        schedule = _lock_schedule(service.professional_id)
        _expire_stale_holds(service.professional_id, now)
        ends_at = _check_slot(
            schedule, duration_minutes=service.duration_minutes, starts_at=starts_at, now=now
        )
        deposit = service.deposit_xaf()
        booking = Booking(
            professional_id=service.professional_id,
            service=service,
            client=client,
            starts_at=starts_at,
            ends_at=ends_at,
            status=Booking.Status.HELD,
            hold_expires_at=now + hold_minutes(),
            price_xaf=service.price_xaf,
            deposit_xaf=deposit,
            video_url=new_video_url() if service.is_online else "",
        )
        if deposit == 0:
            booking.status = Booking.Status.CONFIRMED
            booking.confirmed_at = now
        booking.full_clean()
        _save_or_taken(booking)
        if booking.status == Booking.Status.CONFIRMED:
            _confirmed(booking)
    return booking


def _confirmed(booking):
    from . import tasks

    _after_commit(tasks.send_confirmation, booking.pk)


@transaction.atomic
def confirm_paid(*, booking_id, order, now=None):
    """The deposit is paid. A live hold is confirmed; a hold that expired is confirmed
    only if its slot is still free, else the deposit goes back to the client. A second
    order paid for the same booking is refunded whole."""
    from . import tasks

    now = now or timezone.now()
    professional_id = Booking.objects.values_list("professional_id", flat=True).get(pk=booking_id)
    _lock_schedule(professional_id)
    _expire_stale_holds(professional_id, now)
    booking = Booking.objects.select_for_update().get(pk=booking_id)
    if booking.order_id and booking.order_id != order.pk:
        _after_commit(tasks.refund_extra_order, order.pk, booking.pk)
        return booking
    if booking.order_id == order.pk or booking.status == Booking.Status.CONFIRMED:
        return booking  # already applied
    booking.order = order
    if _can_still_confirm(booking, now=now) and _confirm(booking, now=now):
        return booking
    # The slot is gone (or the client cancelled meanwhile): the deposit goes back.
    booking.refund_due_xaf = min(order.amount_xaf, booking.deposit_xaf)
    booking.save(update_fields=["order", "refund_due_xaf"])
    cancelled = booking.status == Booking.Status.CANCELLED
    _after_commit(
        tasks.refund_deposit, booking.pk, tasks.CANCELLED if cancelled else tasks.SLOT_TAKEN
    )
    return booking


def _can_still_confirm(booking, *, now):
    if booking.status == Booking.Status.HELD:
        return True
    return (
        booking.status == Booking.Status.EXPIRED
        and booking.starts_at > now
        and _still_free(booking, now=now)
    )


def _confirm(booking, *, now):
    previous_status = booking.status
    booking.status = Booking.Status.CONFIRMED
    booking.confirmed_at = now
    try:
        _save_or_taken(booking, update_fields=["status", "confirmed_at", "order"])
    except SlotTaken:
        booking.status, booking.confirmed_at = previous_status, None
        return False
    _confirmed(booking)
    return True


def _still_free(booking, *, now):
    schedule = Schedule.objects.get(professional_id=booking.professional_id)
    margin = datetime.timedelta(minutes=schedule.buffer_minutes)
    return (
        not Booking.objects.filter(
            professional_id=booking.professional_id,
            status__in=Booking.OCCUPYING,
            starts_at__lt=booking.ends_at + margin,
            ends_at__gt=booking.starts_at - margin,
        )
        .exclude(pk=booking.pk)
        .exclude(status=Booking.Status.HELD, hold_expires_at__lte=now)
        .exists()
        and not TimeOff.objects.filter(
            schedule=schedule, starts_at__lt=booking.ends_at, ends_at__gt=booking.starts_at
        ).exists()
    )


def expire_unpaid_holds(*, now=None):
    """Holds past their time free their slot (a late payment may still confirm)."""
    now = now or timezone.now()
    return Booking.objects.filter(status=Booking.Status.HELD, hold_expires_at__lte=now).update(
        status=Booking.Status.EXPIRED
    )


# --- Changes after booking ---------------------------------------------------------------


def _own_booking_for_update(booking, user, *, as_professional=False):
    locked = Booking.objects.select_for_update().select_related("service").get(pk=booking.pk)
    owner_id = locked.professional.user_id if as_professional else locked.client_id
    if owner_id != user.pk:
        raise NotAllowed(_("This booking is not yours."))
    return locked


def paid_deposit_xaf(booking):
    """What the client really paid for the deposit and has not had back: a coupon may
    have lowered the order below the booking's deposit, so refunds start from here."""
    from checkout.models import Order

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


def _cancel(booking, *, by, refund_xaf, now):
    """The one cancellation step (inside the caller's transaction, booking locked):
    notices go out if it was confirmed, and the refund due is paid by a task."""
    from . import tasks

    was_confirmed = booking.status == Booking.Status.CONFIRMED
    booking.refund_due_xaf = refund_xaf
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_at = now
    booking.cancelled_by = by
    booking.save(update_fields=["status", "cancelled_at", "cancelled_by", "refund_due_xaf"])
    if was_confirmed:
        _after_commit(tasks.send_cancellation, booking.pk)
    if booking.refund_due_xaf:
        _after_commit(tasks.refund_deposit, booking.pk, tasks.CANCELLED)
    return booking


def reschedule(*, booking, user, starts_at, now=None):
    """Move a confirmed booking to another free slot of the same service."""
    from . import tasks

    now = now or timezone.now()
    with transaction.atomic():
        if booking.client_id != user.pk:
            raise NotAllowed(_("This booking is not yours."))
        schedule = _lock_schedule(booking.professional_id)
        booking = _own_booking_for_update(booking, user)
        if booking.status != Booking.Status.CONFIRMED or booking.starts_at <= now:
            raise NotAllowed(_("Only a confirmed appointment still to come can be moved."))
        if starts_at == booking.starts_at:
            raise SlotUnavailable(_("Choose a different time from the current one."))
        _expire_stale_holds(booking.professional_id, now)
        booking.ends_at = _check_slot(
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
        _save_or_taken(booking, update_fields=["starts_at", "ends_at", "sequence", "reminded_at"])
        _retitle_order(booking)
        _after_commit(tasks.send_reschedule_notice, booking.pk)
    return booking


def _retitle_order(booking):
    """The deposit order names the appointment's time: "my orders" and receipts must
    show the new one, not the time first booked."""
    from checkout.models import Order

    from .notices import deposit_description

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
    from directory.models import Review
    from directory.services import refresh_rating

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


# --- The professional's rules -------------------------------------------------------------


def schedule_for_editing(professional):
    """The professional's rules, created with defaults the first time."""
    schedule, _created = Schedule.objects.get_or_create(professional=professional)
    return schedule


@transaction.atomic
def save_rules(*, schedule, **values):
    for field, value in values.items():
        setattr(schedule, field, value)
    schedule.full_clean()
    schedule.save()
    return schedule


@transaction.atomic
def replace_weekly_hours(*, schedule, ranges):
    """Replace all opening hours with `ranges` [(weekday, start, end)]; overlapping
    ranges on one day are refused."""
    by_day = {}
    for weekday, start, end in ranges:
        if start >= end:
            raise BookingError(_("An opening range must end after it starts."))
        by_day.setdefault(weekday, []).append((start, end))
    for day_ranges in by_day.values():
        day_ranges.sort()
        for (_start, previous_end), (next_start, _end) in zip(
            day_ranges, day_ranges[1:], strict=False
        ):
            if next_start < previous_end:
                raise BookingError(_("Two opening ranges of the same day overlap."))
    schedule.weekly_hours.all().delete()
    WeeklyHours.objects.bulk_create(
        WeeklyHours(schedule=schedule, weekday=weekday, start_time=start, end_time=end)
        for weekday, start, end in ranges
    )


@transaction.atomic
def add_time_off(*, schedule, starts_at, ends_at, reason=""):
    time_off = TimeOff(schedule=schedule, starts_at=starts_at, ends_at=ends_at, reason=reason)
    time_off.full_clean()
    time_off.save()
    return time_off


@transaction.atomic
def remove_time_off(*, schedule, time_off_id):
    try:
        time_off_id = int(time_off_id)
    except (TypeError, ValueError):
        return
    TimeOff.objects.filter(schedule=schedule, pk=time_off_id).delete()
