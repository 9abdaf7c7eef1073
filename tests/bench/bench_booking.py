"""Free slots over 60 days for a professional with 500 bookings (goal: 20 ms).

Prints the pure computation (booking/slots.py) and the whole read the slots page does
(rules, bookings and time off from the database, then the computation). Timings are
printed, never asserted.

    .venv/bin/python -m pytest tests/bench/bench_booking.py -s -q
"""

import random
import statistics
import time
from datetime import datetime, timedelta
from datetime import time as clock

import pytest

from booking.slots import DOUALA, Rules, WeeklyRange, free_slots

from ..booking.conftest import booking_site  # noqa: F401 (shared fixture)

pytestmark = [pytest.mark.bench]

DAYS = 60
BOOKINGS = 500
RUNS = 50
GOAL_MS = 20
NOW = datetime(2026, 3, 2, 7, 30, tzinfo=DOUALA)
# Monday to Saturday, a morning and an afternoon range: a busy salon.
WEEKLY = tuple(
    WeeklyRange(day, start, end)
    for day in range(6)
    for start, end in ((clock(8), clock(12)), (clock(13), clock(19)))
)
RULES = Rules(
    weekly=WEEKLY,
    duration=timedelta(minutes=60),
    buffer=timedelta(minutes=15),
    notice=timedelta(hours=12),
    horizon=timedelta(days=DAYS),
)


def bench_bookings(count, *, seed=9):
    """`count` one-hour bookings on distinct quarter hours of opening time."""
    rng = random.Random(seed)
    starts = set()
    while len(starts) < count:
        day = NOW.date() + timedelta(days=rng.randrange(DAYS))
        if day.weekday() == 6:
            continue
        quarter = rng.randrange(8 * 4, 18 * 4)
        starts.add(datetime.combine(day, clock(quarter // 4, quarter % 4 * 15), tzinfo=DOUALA))
    return [(start, start + timedelta(hours=1)) for start in sorted(starts)]


def timed(function, runs=RUNS):
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return result, statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def report(label, slots, p50, p95):
    verdict = "met" if p95 <= GOAL_MS else "MISSED"
    print(
        f"\n{label}: {len(slots)} free slots over {DAYS} days with {BOOKINGS} bookings: "
        f"p50 {p50:.2f} ms, p95 {p95:.2f} ms (goal ≤ {GOAL_MS} ms: {verdict})"
    )


def test_pure_slot_computation_for_60_days_and_500_bookings():
    busy = bench_bookings(BOOKINGS)
    time_off = [(NOW + timedelta(days=20), NOW + timedelta(days=23))]
    slots, p50, p95 = timed(lambda: free_slots(rules=RULES, now=NOW, busy=busy, time_off=time_off))
    report("slots, pure computation", slots, p50, p95)
    assert slots


@pytest.mark.django_db
def test_slots_read_from_the_database_for_60_days_and_500_bookings(booking_site):  # noqa: F811
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from booking.models import Booking
    from booking.selectors import free_slots_for

    service = booking_site["service"]
    today = timezone.localdate()
    hourly = [
        datetime.combine(today + timedelta(days=day), clock(hour), tzinfo=DOUALA)
        for day in range(2, DAYS)
        for hour in (8, 9, 10, 11, 13, 14, 15, 16, 17)
    ]
    starts = sorted(random.Random(5).sample(hourly, BOOKINGS))
    Booking.objects.bulk_create(
        Booking(
            professional=booking_site["professional"],
            service=service,
            client=booking_site["client"],
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            status=Booking.Status.CONFIRMED,
            price_xaf=service.price_xaf,
            deposit_xaf=2000,
        )
        for start in starts
    )
    with CaptureQueriesContext(connection) as queries:
        free_slots_for(service=service)
    slots, p50, p95 = timed(lambda: free_slots_for(service=service), runs=20)
    report(f"slots, database read + computation ({len(queries)} queries)", slots, p50, p95)
