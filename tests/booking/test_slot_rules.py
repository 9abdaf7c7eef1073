"""The pure slot computation, checked with generated schedules (hypothesis)."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from booking.slots import DOUALA, Rules, Slot, WeeklyRange, free_slots

BASE = datetime(2026, 3, 2, tzinfo=DOUALA)  # a Monday


def minutes(low, high, step=15):
    return st.integers(low // step, high // step).map(lambda n: timedelta(minutes=n * step))


@st.composite
def weekly_ranges(draw):
    ranges = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(6 * 4, 20 * 4))  # quarter hours
        end = draw(st.integers(start + 1, 22 * 4))
        ranges.append(
            WeeklyRange(
                weekday=draw(st.integers(0, 6)),
                start=time(start // 4, start % 4 * 15),
                end=time(end // 4, end % 4 * 15),
            )
        )
    return tuple(ranges)


@st.composite
def schedules(draw):
    now = BASE + draw(minutes(0, 7 * 24 * 60, step=1))
    rules = Rules(
        weekly=draw(weekly_ranges()),
        duration=draw(minutes(15, 180)),
        buffer=draw(minutes(0, 60)),
        notice=draw(minutes(0, 48 * 60, step=60)),
        horizon=timedelta(days=draw(st.integers(1, 10))),
        step=draw(st.sampled_from([timedelta(minutes=15), timedelta(minutes=30)])),
    )

    def intervals(longest):
        start = now + draw(minutes(-24 * 60, 12 * 24 * 60, step=5))
        return (start, start + draw(minutes(5, longest, step=5)))

    busy = draw(st.lists(st.builds(lambda: intervals(240)), max_size=25))
    time_off = draw(st.lists(st.builds(lambda: intervals(3 * 24 * 60)), max_size=3))
    return now, rules, busy, time_off


def overlaps(start, end, other_start, other_end):
    return start < other_end and other_start < end


def naive_slots(now, rules, busy, time_off):
    """Every candidate checked against every rule one by one: slow but obviously right."""
    found = set()
    day = (now - timedelta(days=1)).date()
    while day <= (now + rules.horizon + timedelta(days=1)).date():
        for weekly in rules.weekly:
            if weekly.weekday != day.weekday():
                continue
            start = datetime.combine(day, weekly.start, tzinfo=DOUALA)
            range_end = datetime.combine(day, weekly.end, tzinfo=DOUALA)
            while start + rules.duration <= range_end:
                end = start + rules.duration
                if (
                    start >= now + rules.notice
                    and start < now + rules.horizon
                    and not any(
                        overlaps(start, end, b0 - rules.buffer, b1 + rules.buffer)
                        for b0, b1 in busy
                    )
                    and not any(overlaps(start, end, t0, t1) for t0, t1 in time_off)
                ):
                    found.add(Slot(start, end))
                start += rules.step
        day += timedelta(days=1)
    return sorted(found)


@settings(max_examples=150, deadline=None)
@given(schedules())
def test_no_slot_overlaps_a_booking_or_the_buffer_around_it(schedule):
    now, rules, busy, time_off = schedule
    for slot in free_slots(rules=rules, now=now, busy=busy, time_off=time_off):
        for start, end in busy:
            assert not overlaps(slot.start, slot.end, start - rules.buffer, end + rules.buffer)


@settings(max_examples=150, deadline=None)
@given(schedules())
def test_no_slot_falls_in_time_off(schedule):
    now, rules, busy, time_off = schedule
    for slot in free_slots(rules=rules, now=now, busy=busy, time_off=time_off):
        assert not any(overlaps(slot.start, slot.end, start, end) for start, end in time_off)


@settings(max_examples=150, deadline=None)
@given(schedules())
def test_slots_respect_the_minimum_notice_and_the_horizon(schedule):
    now, rules, busy, time_off = schedule
    for slot in free_slots(rules=rules, now=now, busy=busy, time_off=time_off):
        assert now + rules.notice <= slot.start < now + rules.horizon


@settings(max_examples=150, deadline=None)
@given(schedules())
def test_every_slot_lies_inside_a_weekly_range_and_lasts_the_service_duration(schedule):
    now, rules, busy, time_off = schedule
    for slot in free_slots(rules=rules, now=now, busy=busy, time_off=time_off):
        local_start, local_end = slot.start.astimezone(DOUALA), slot.end.astimezone(DOUALA)
        assert slot.end - slot.start == rules.duration
        assert local_start.date() == local_end.date() or local_end.time() == time(0)
        assert any(
            weekly.weekday == local_start.weekday()
            and weekly.start <= local_start.time()
            and local_end.time() <= weekly.end
            for weekly in rules.weekly
        )


@settings(max_examples=200, deadline=None)
@given(schedules())
def test_every_free_candidate_is_offered_once_in_order(schedule):
    now, rules, busy, time_off = schedule
    assert free_slots(rules=rules, now=now, busy=busy, time_off=time_off) == naive_slots(
        now, rules, busy, time_off
    )


def test_douala_keeps_one_utc_offset_all_year_so_nine_oclock_stays_nine_oclock():
    rules = Rules(
        weekly=tuple(WeeklyRange(day, time(9), time(10)) for day in range(7)),
        duration=timedelta(hours=1),
        horizon=timedelta(days=366),
    )
    slots = free_slots(rules=rules, now=datetime(2026, 1, 1, tzinfo=DOUALA))
    assert len(slots) == 366  # 2026-01-01 to 2027-01-01 inclusive
    assert {slot.start.utcoffset() for slot in slots} == {timedelta(hours=1)}
    assert {slot.start.astimezone(DOUALA).time() for slot in slots} == {time(9)}


def test_a_booking_in_another_time_zone_blocks_the_same_instant():
    rules = Rules(weekly=(WeeklyRange(0, time(9), time(12)),), duration=timedelta(hours=1))
    now = datetime(2026, 3, 1, 12, tzinfo=DOUALA)
    utc_booking = datetime(2026, 3, 2, 9, tzinfo=DOUALA).astimezone(ZoneInfo("UTC"))
    slots = free_slots(
        rules=rules,
        now=now,
        busy=[(utc_booking, utc_booking + timedelta(hours=1))],
        last_day=datetime(2026, 3, 2).date(),
    )
    assert [slot.start.astimezone(DOUALA).time() for slot in slots] == [
        time(10),
        time(10, 30),
        time(11),
    ]
