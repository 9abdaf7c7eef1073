"""Writes of the professional's own rules: booking policy, opening hours, time off."""

from django.db import transaction
from django.utils.translation import gettext as _

from .errors import BookingError
from .models import Schedule, TimeOff, WeeklyHours
from .page_cache_links import slots_changed


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
    slots_changed(schedule.professional_id)


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
    if TimeOff.objects.filter(schedule=schedule, pk=time_off_id).delete()[0]:
        slots_changed(schedule.professional_id)
