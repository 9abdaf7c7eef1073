"""Sane bounds for the days people ask for or store. Wide enough for any real use,
narrow enough that date arithmetic near year 1 or 9999 never overflows (a 500)."""

import datetime

from django.utils import timezone

from .slots import DOUALA

EARLIEST_DAY = datetime.date(2000, 1, 3)  # a Monday: a clamped week still starts on one
LATEST_DAY = datetime.date(2100, 12, 31)
# How far ahead a person may plan time off or look for a free day: beyond the
# longest booking horizon (365 days), with room to spare.
PLANNING_DAYS = 2 * 366


def sane_day(day):
    """`day` moved into [EARLIEST_DAY, LATEST_DAY]."""
    return min(max(day, EARLIEST_DAY), LATEST_DAY)


def parse_day(value):
    """A date from YYYY-MM-DD (the first 10 characters), or None."""
    try:
        return datetime.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def last_plannable_day():
    return timezone.localdate() + datetime.timedelta(days=PLANNING_DAYS)


def moment(day, at=datetime.time()):
    """The aware local datetime of `day` (clamped) at `at`, Douala time."""
    return datetime.datetime.combine(sane_day(day), at, tzinfo=DOUALA)
