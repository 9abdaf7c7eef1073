"""The event table's monthly partitions on PostgreSQL (SQLite keeps one plain table).

Months start at midnight in the site's time zone (Africa/Douala), so each local day —
the unit every rollup reads — lies in exactly one partition. Rows that fall in no
month partition land in the DEFAULT one; nothing here ever moves a row."""

import re
from datetime import date, datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone

TABLE = "analytics_event"
DEFAULT_PARTITION = f"{TABLE}_default"
MONTHS_AHEAD = 3


def is_partitioned(using=connection):
    return using.vendor == "postgresql"


def month_start(day):
    return date(day.year, day.month, 1)


def next_month(month):
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def months_from(first, last):
    month = month_start(first)
    while month <= last:
        yield month
        month = next_month(month)


def partition_name(month):
    return f"{TABLE}_y{month:%Y}m{month:%m}"


def _local_midnight(month):
    tz = timezone.get_default_timezone() if settings.USE_TZ else None
    return timezone.make_aware(datetime.combine(month, datetime.min.time()), tz)


def bounds(month):
    """The partition's range [start, end) as aware datetimes."""
    return _local_midnight(month), _local_midnight(next_month(month))


def create_month(cursor, month):
    """Create the month's partition unless it exists; a month whose rows already sit in
    the DEFAULT partition is left there (creating it would mean moving them), and
    False is returned."""
    start, end = bounds(month)
    cursor.execute(
        f"SELECT EXISTS (SELECT 1 FROM {DEFAULT_PARTITION} "  # noqa: S608 - our constants
        "WHERE occurred_at >= %s AND occurred_at < %s)",
        [start, end],
    )
    if cursor.fetchone()[0]:
        return False
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {partition_name(month)} PARTITION OF {TABLE} "
        "FOR VALUES FROM (%s) TO (%s)",
        [start, end],
    )
    return True


def ensure_months_ahead(*, today=None, ahead=MONTHS_AHEAD):
    """This month's and the next ``ahead`` months' partitions (idempotent); the months
    created or already there, in order. Nothing on SQLite."""
    if not is_partitioned():
        return []
    today = today or timezone.localdate()
    last = month_start(today)
    for _ in range(ahead):
        last = next_month(last)
    with connection.cursor() as cursor:
        return [month for month in months_from(today, last) if create_month(cursor, month)]


def partitions(using=connection):
    """The names of the event table's partitions (PostgreSQL), sorted."""
    with using.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = %s::regclass ORDER BY c.relname",
            [TABLE],
        )
        return [name for (name,) in cursor.fetchall()]


def partitions_in_plan(plan):
    """The event partitions an EXPLAIN output reads (its indexes' names left aside)."""
    return set(re.findall(rf"\b{TABLE}_(?:y\d{{4}}m\d{{2}}|default)\b", plan))
