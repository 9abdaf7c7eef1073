"""Holding and confirming a slot. Every transition is one function in one transaction.

Bookings of one professional are serialised on their Schedule row (select_for_update;
on SQLite the IMMEDIATE transaction does the same), and on PostgreSQL an exclusion
constraint forbids overlapping bookings whatever the code does."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Service

from . import signals, tasks
from .errors import BookingError, NotAllowed, SlotTaken, SlotUnavailable
from .holds import expire_stale_holds, hold_minutes
from .models import Booking, Schedule, TimeOff
from .selectors import busy_and_time_off, rules_for
from .slots import DOUALA, Slot, free_slots
from .video_rooms import new_room_name


def bookable_service(service_id):
    """The active service of a live professional, or a clear refusal (tampered ids)."""
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


def lock_schedule(professional_id):
    schedule = (
        Schedule.objects.select_for_update()
        .filter(professional_id=professional_id)
        .prefetch_related("weekly_hours")
        .first()
    )
    if schedule is None:
        raise SlotUnavailable(_("This professional does not take bookings online yet."))
    return schedule


def check_slot(schedule, *, duration_minutes, starts_at, now, ignore_booking_id=None):
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


def save_or_taken(booking, **save_options):
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
        schedule = lock_schedule(service.professional_id)
        expire_stale_holds(service.professional_id, now)
        ends_at = check_slot(
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
            video_room=new_room_name() if service.is_online else "",
        )
        if deposit == 0:
            booking.status = Booking.Status.CONFIRMED
            booking.confirmed_at = now
        booking.full_clean()
        save_or_taken(booking)
        if booking.status == Booking.Status.CONFIRMED:
            _confirmed(booking)
    return booking


def _confirmed(booking):
    tasks.after_commit(tasks.send_confirmation, booking.pk)
    announce(signals.confirmed, booking)


def announce(signal, booking):
    """Tell the listeners (analytics) once the booking's change commits."""
    ids = {
        "booking_id": booking.pk,
        "professional_id": booking.professional_id,
        "client_id": booking.client_id,
    }
    transaction.on_commit(lambda: signal.send(sender=Booking, **ids))


@transaction.atomic
def confirm_paid(*, booking_id, order, now=None):
    """The deposit is paid. A live hold is confirmed; a hold that expired is confirmed
    only if its slot is still free, else the deposit goes back to the client. A second
    order paid for the same booking is refunded whole."""
    now = now or timezone.now()
    professional_id = Booking.objects.values_list("professional_id", flat=True).get(pk=booking_id)
    lock_schedule(professional_id)
    expire_stale_holds(professional_id, now)
    booking = Booking.objects.select_for_update().get(pk=booking_id)
    if booking.order_id and booking.order_id != order.pk:
        tasks.after_commit(tasks.refund_extra_order, order.pk, booking.pk)
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
    tasks.after_commit(
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
        save_or_taken(booking, update_fields=["status", "confirmed_at", "order"])
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
