"""Reads about availability and bookings. A handful of queries each, whatever the
number of bookings: the slot maths happens in Python (booking/slots.py)."""

import datetime
from collections import defaultdict
from itertools import groupby

from django.conf import settings
from django.db.models import DateTimeField, Min, Prefetch, Q, Value
from django.db.models.functions import Greatest, Least
from django.utils import timezone
from wagtail.models import Locale

from directory.models import Service

from .dates import EARLIEST_DAY, LATEST_DAY, PLANNING_DAYS, moment, sane_day
from .models import Booking, Schedule, TimeOff, WeeklyHours
from .slots import DOUALA, Rules, WeeklyRange, free_slots


def slot_step():
    return datetime.timedelta(minutes=settings.BOOKING_SLOT_STEP_MINUTES)


def schedule_of(professional_id):
    """The professional's rules with their opening hours, or None (2 queries)."""
    return (
        Schedule.objects.filter(professional_id=professional_id)
        .prefetch_related("weekly_hours")
        .first()
    )


def rules_for(schedule, *, duration_minutes):
    return Rules(
        weekly=tuple(
            WeeklyRange(hours.weekday, hours.start_time, hours.end_time)
            for hours in schedule.weekly_hours.all()
        ),
        duration=datetime.timedelta(minutes=duration_minutes),
        buffer=datetime.timedelta(minutes=schedule.buffer_minutes),
        notice=datetime.timedelta(hours=schedule.min_notice_hours),
        horizon=datetime.timedelta(days=schedule.horizon_days),
        step=slot_step(),
    )


def occupying(*, now):
    """Bookings that take the professional's time. A hold past its expiry no longer
    counts, even before the periodic task has marked it expired."""
    return Booking.objects.filter(status__in=Booking.OCCUPYING).exclude(
        status=Booking.Status.HELD, hold_expires_at__lte=now
    )


def within(queryset, *, start, end, also=()):
    """(*also, start, end) of the rows touching [start, end), each cut to that window
    by the database: a stored value out of any sane range (year 1, year 9999, written
    by hand or before forms checked dates) never reaches Python, where it overflows."""
    return (
        queryset.filter(starts_at__lt=end, ends_at__gt=start)
        .annotate(
            cut_start=Greatest("starts_at", Value(start, output_field=DateTimeField())),
            cut_end=Least("ends_at", Value(end, output_field=DateTimeField())),
        )
        .values_list(*also, "cut_start", "cut_end")
    )


def busy_and_time_off(schedule, *, start, end, now, ignore_booking_id=None):
    """(busy, time_off) intervals of a professional that touch [start, end)."""
    margin = datetime.timedelta(minutes=schedule.buffer_minutes)
    bookings = occupying(now=now).filter(professional_id=schedule.professional_id)
    if ignore_booking_id is not None:
        bookings = bookings.exclude(pk=ignore_booking_id)
    busy = list(within(bookings, start=start - margin, end=end + margin))
    time_off = list(within(schedule.time_off.all(), start=start, end=end))
    return busy, time_off


def time_off_to_come(schedule, *, now=None):
    """The professional's time off not over yet, as dicts (pk, starts_at, ends_at,
    reason), dates cut to a sane range so that any stored row can be shown and removed."""
    now = now or timezone.now()
    earliest, latest = moment(EARLIEST_DAY), moment(LATEST_DAY)
    return list(
        schedule.time_off.filter(ends_at__gt=now)
        .annotate(
            shown_start=Greatest("starts_at", Value(earliest, output_field=DateTimeField())),
            shown_end=Least("ends_at", Value(latest, output_field=DateTimeField())),
        )
        .values("pk", "shown_start", "shown_end", "reason")
    )


def free_slots_for(*, service, now=None, first_day=None, days=None, ignore_booking_id=None):
    """The slots a client may book for `service` now, in order: all of them, or those
    of `days` days from `first_day` (4 queries either way)."""
    return slot_window(
        service=service,
        now=now,
        first_day=first_day,
        days=days,
        ignore_booking_id=ignore_booking_id,
    )["slots"]


def slot_window(*, service, now=None, first_day=None, days=None, ignore_booking_id=None):
    """{"slots": [...], "last_bookable_day": date or None, "policy": the Schedule with
    its refund rules, or None} for the slots page."""
    now = now or timezone.now()
    schedule = schedule_of(service.professional_id)
    if schedule is None:
        return {"slots": [], "last_bookable_day": None, "policy": None}
    rules = rules_for(schedule, duration_minutes=service.duration_minutes)
    start, end = now, now + rules.horizon + rules.duration
    last_day = None
    if first_day is not None and days is not None:
        first_day = sane_day(first_day)
        last_day = first_day + datetime.timedelta(days=days - 1)
        start = max(start, moment(first_day))
        end = min(end, moment(last_day, datetime.time.max))
    if end <= start:
        # Days asked after the horizon (or before today): nothing to read.
        return {
            "slots": [],
            "last_bookable_day": timezone.localdate(now + rules.horizon),
            "policy": schedule,
        }
    busy, time_off = busy_and_time_off(
        schedule, start=start, end=end, now=now, ignore_booking_id=ignore_booking_id
    )
    slots = free_slots(
        rules=rules,
        now=now,
        busy=busy,
        time_off=time_off,
        first_day=first_day,
        last_day=last_day,
    )
    return {
        "slots": slots,
        "last_bookable_day": timezone.localdate(now + rules.horizon),
        "policy": schedule,
    }


def slots_by_day(slots):
    """[(local date, [slots])] for the slots page."""
    return [
        (day, list(day_slots))
        for day, day_slots in groupby(slots, key=lambda slot: slot.start.astimezone(DOUALA).date())
    ]


def professional_ids_available_on(day, *, now=None):
    """Ids of default-locale, live ProfessionalPages with at least one free slot on
    `day` for their shortest active service. Five queries whatever their number."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if not today <= day <= today + datetime.timedelta(days=PLANNING_DAYS):
        return []  # no horizon reaches that far (and far dates overflow)
    schedules = list(
        Schedule.objects.filter(
            professional__live=True,
            professional__locale=Locale.get_default(),
            weekly_hours__weekday=day.weekday(),
        )
        .distinct()
        .prefetch_related(
            Prefetch("weekly_hours", queryset=WeeklyHours.objects.filter(weekday=day.weekday()))
        )
    )
    if not schedules:
        return []
    ids = [schedule.professional_id for schedule in schedules]
    shortest = dict(
        Service.objects.filter(professional_id__in=ids, is_active=True)
        .values("professional_id")
        .annotate(shortest=Min("duration_minutes"))
        .values_list("professional_id", "shortest")
    )
    day_start = datetime.datetime.combine(day, datetime.time(), tzinfo=DOUALA)
    day_end = day_start + datetime.timedelta(days=1)
    # A buffer never exceeds 4 hours (Schedule.buffer_minutes).
    margin = datetime.timedelta(hours=4)
    busy = defaultdict(list)
    for professional_id, start, end in within(
        occupying(now=now).filter(professional_id__in=ids),
        start=day_start - margin,
        end=day_end + margin,
        also=["professional_id"],
    ):
        busy[professional_id].append((start, end))
    time_off = defaultdict(list)
    for schedule_id, start, end in within(
        TimeOff.objects.filter(schedule__in=schedules),
        start=day_start,
        end=day_end,
        also=["schedule_id"],
    ):
        time_off[schedule_id].append((start, end))

    available = []
    for schedule in schedules:
        duration = shortest.get(schedule.professional_id)
        if duration is None:
            continue
        rules = rules_for(schedule, duration_minutes=duration)
        if free_slots(
            rules=rules,
            now=now,
            busy=busy[schedule.professional_id],
            time_off=time_off[schedule.pk],
            first_day=day,
            last_day=day,
        ):
            available.append(schedule.professional_id)
    return available


def opening_week(professional_id):
    """[(day label, [WeeklyHours, ...])] Monday to Sunday for a public profile; an
    empty list means closed that day. [] when the professional takes no bookings."""
    schedule = schedule_of(professional_id)
    if schedule is None:
        return []
    hours = defaultdict(list)
    for opening in schedule.weekly_hours.all():
        hours[opening.weekday].append(opening)
    if not hours:
        return []
    return [(label, hours[weekday]) for weekday, label in WeeklyHours.Weekday.choices]


# --- Lists of bookings -----------------------------------------------------------------


def _with_people(queryset):
    return queryset.select_related("service", "professional", "client", "order")


def bookings_of_client(user, *, now=None):
    """{"upcoming": soonest first, "past": latest first} of a client (two queries).
    Holds that expired never happened: they are with the past."""
    now = now or timezone.now()
    bookings = _with_people(Booking.objects.filter(client=user))
    to_come = Q(starts_at__gte=now) & ~Q(status=Booking.Status.EXPIRED)
    return {
        "upcoming": list(bookings.filter(to_come).order_by("starts_at", "pk")),
        "past": list(bookings.exclude(to_come).order_by("-starts_at", "-pk")),
    }


def booking_of_client(user, reference):
    """The client's own booking with this reference, or None (anybody else's too)."""
    if not user.is_authenticated:
        return None
    return _with_people(Booking.objects.filter(client=user, reference=reference)).first()


def bookings_of_professional(professional, *, now=None):
    """{"today": [...], "upcoming": [...], "past": [...]} of a professional, without
    expired holds (they never happened)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    tomorrow = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time(), tzinfo=DOUALA
    )
    bookings = _with_people(
        Booking.objects.filter(professional=professional).exclude(status=Booking.Status.EXPIRED)
    ).order_by("starts_at", "pk")
    day_start = tomorrow - datetime.timedelta(days=1)
    return {
        "today": list(bookings.filter(starts_at__gte=day_start, starts_at__lt=tomorrow)),
        "upcoming": list(bookings.filter(starts_at__gte=tomorrow)[:100]),
        "past": list(bookings.filter(starts_at__lt=day_start).order_by("-starts_at", "-pk")[:50]),
    }


def week_of(professional, *, monday):
    """The week calendar: 7 days of bookings and opening hours (3 queries)."""
    monday = sane_day(monday)
    start = moment(monday)
    end = start + datetime.timedelta(days=7)
    bookings = _with_people(
        Booking.objects.filter(
            Q(professional=professional),
            Q(starts_at__lt=end, ends_at__gt=start),
        ).exclude(status__in=[Booking.Status.EXPIRED, Booking.Status.CANCELLED])
    ).order_by("starts_at")
    by_day = defaultdict(list)
    for booking in bookings:
        by_day[timezone.localtime(booking.starts_at).date()].append(booking)
    schedule = schedule_of(professional.pk)
    hours = defaultdict(list)
    time_off = []
    if schedule is not None:
        for opening in schedule.weekly_hours.all():
            hours[opening.weekday].append(opening)
        time_off = list(within(schedule.time_off.all(), start=start, end=end))
    days = []
    for offset in range(7):
        day = monday + datetime.timedelta(days=offset)
        day_start = datetime.datetime.combine(day, datetime.time(), tzinfo=DOUALA)
        days.append(
            {
                "date": day,
                "hours": hours[day.weekday()],
                "bookings": by_day[day],
                "off": any(
                    off_start < day_start + datetime.timedelta(days=1) and off_end > day_start
                    for off_start, off_end in time_off
                ),
            }
        )
    return days


def has_booking_with(*, client, professional):
    """True once the client has a confirmed (or past) booking with the professional."""
    if not client.is_authenticated:
        return False
    return Booking.objects.filter(
        client=client,
        professional=professional,
        status__in=[Booking.Status.CONFIRMED, Booking.Status.COMPLETED, Booking.Status.NO_SHOW],
    ).exists()
