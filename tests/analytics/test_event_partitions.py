"""The event table by month on PostgreSQL: partitions made ahead by the beat task,
nothing moved, and a day's rollup reading one partition. SQLite keeps one plain table."""

from datetime import date, datetime, time

import pytest
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from analytics import partitions, rollups, tasks
from analytics.models import Event

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 10)
ON_POSTGRESQL = connection.vendor == "postgresql"


def at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def test_the_beat_task_makes_the_next_three_months_and_again_changes_nothing():
    made = tasks.create_event_partitions()
    if not ON_POSTGRESQL:
        assert made == []
        return
    this_month = partitions.month_start(timezone.localdate())
    months = list(partitions.months_from(this_month, this_month.replace(day=28)))
    for _ in range(3):
        months.append(partitions.next_month(months[-1]))
    assert made == [month.isoformat() for month in months]
    before = partitions.partitions()
    assert tasks.create_event_partitions() == made
    assert partitions.partitions() == before
    assert {partitions.partition_name(month) for month in months} <= set(before)
    assert partitions.DEFAULT_PARTITION in before


def test_a_month_whose_events_already_wait_in_the_default_partition_stays_there():
    far = date(2031, 5, 1)
    Event.objects.create(kind=Event.Kind.COURSE_VIEW, course_id=1, occurred_at=at(far, 10))
    made = partitions.ensure_months_ahead(today=date(2031, 3, 15))
    assert Event.objects.get(course_id=1).occurred_at == at(far, 10)
    if not ON_POSTGRESQL:
        assert made == []
        return
    assert made == [date(2031, 3, 1), date(2031, 4, 1), date(2031, 6, 1)]
    assert partitions.partition_name(far) not in partitions.partitions()
    with connection.cursor() as cursor:
        cursor.execute("SELECT tableoid::regclass::text FROM analytics_event WHERE course_id = 1")
        assert cursor.fetchone()[0] == partitions.DEFAULT_PARTITION


def test_a_day_of_events_is_read_from_its_own_month_only():
    if ON_POSTGRESQL:
        with connection.cursor() as cursor:
            for month in (date(2026, 10, 1), DAY.replace(day=1), date(2026, 12, 1)):
                partitions.create_month(cursor, month)
    start, end = rollups.day_bounds(DAY)
    plan = (
        rollups.events_between(start, end)
        .values("course_id")
        .annotate(views=Sum("times"))
        .explain()
    )
    if ON_POSTGRESQL:
        scanned = partitions.partitions_in_plan(plan)
        assert scanned == {partitions.partition_name(DAY.replace(day=1))}, plan
    else:
        assert "analytics_e_occurre_259542_idx" in plan, plan
