"""Free appointment slots: a pure function of a professional's rules and busy times.

Nothing here touches the database, so the rules can be tested exhaustively (see
tests/booking/test_slot_rules.py) and timed (tests/bench/bench_booking.py)."""

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DOUALA = ZoneInfo("Africa/Douala")
DEFAULT_STEP = timedelta(minutes=30)


@dataclass(frozen=True)
class WeeklyRange:
    """Open from `start` to `end` every `weekday` (0 = Monday), local time."""

    weekday: int
    start: time
    end: time


@dataclass(frozen=True, order=True)
class Slot:
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Rules:
    """A professional's booking rules for one service."""

    weekly: tuple[WeeklyRange, ...]
    duration: timedelta
    buffer: timedelta = timedelta(0)
    notice: timedelta = timedelta(0)
    horizon: timedelta = timedelta(days=60)
    step: timedelta = DEFAULT_STEP


def free_slots(*, rules, now, busy=(), time_off=(), first_day=None, last_day=None, tz=DOUALA):
    """Every slot a client may book, in order.

    `busy` holds the (start, end) of bookings that occupy the professional (held ones
    included); each is widened by the buffer on both sides. `time_off` holds (start,
    end) ranges when nothing may be booked. A slot starts at a weekly range's start
    plus whole steps, ends inside that range, starts at least `notice` after `now`
    and before `now + horizon`. `first_day`/`last_day` (local dates) narrow the search.
    """
    earliest = now + rules.notice
    latest_start = now + rules.horizon
    widened = [(start - rules.buffer, end + rules.buffer) for start, end in busy]
    blocked = _merged([(s, e) for s, e in [*widened, *time_off] if e > s])
    blocked_starts = [start for start, _ in blocked]
    by_weekday = {}
    for weekly in rules.weekly:
        by_weekday.setdefault(weekly.weekday, []).append(weekly)

    day = max(earliest.astimezone(tz).date(), first_day or date.min)
    end_day = latest_start.astimezone(tz).date()
    if last_day is not None:
        end_day = min(end_day, last_day)
    slots = set()
    while day <= end_day:
        for weekly in by_weekday.get(day.weekday(), ()):
            range_end = datetime.combine(day, weekly.end, tzinfo=tz)
            start = datetime.combine(day, weekly.start, tzinfo=tz)
            if start < earliest:
                # Jump to the first step at or after the notice limit.
                skipped = -(-(earliest - start) // rules.step)
                start += skipped * rules.step
            while start + rules.duration <= range_end and start < latest_start:
                end = start + rules.duration
                if not _overlaps(blocked, blocked_starts, start, end):
                    slots.add(Slot(start, end))
                start += rules.step
        day += timedelta(days=1)
    return sorted(slots)


def _merged(intervals):
    """Sorted, non-overlapping intervals covering the same time."""
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _overlaps(blocked, blocked_starts, start, end):
    # Merged intervals are disjoint and sorted, so the only one that can overlap
    # [start, end) is the last one starting before `end`.
    index = bisect_left(blocked_starts, end) - 1
    return index >= 0 and blocked[index][1] > start
