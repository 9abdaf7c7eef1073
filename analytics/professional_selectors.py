"""Reads for a professional's dashboard, from the ProfessionalDay rollup only (never
the raw events): the funnel of a period week by week (one query), and its totals."""

from collections import Counter
from datetime import timedelta

from .models import ProfessionalDay

FUNNEL = ("profile_views", "contact_reveals", "enquiries", "bookings", "completed")
COUNTS = (*FUNNEL, "no_shows")


def monday(day):
    return day - timedelta(days=day.weekday())


def weekly(*, professional_id, since, today):
    """[(Monday, {count: n})] from the week holding ``since`` to this week, weeks
    without any event included (days before ``since`` are not counted)."""
    rows = ProfessionalDay.objects.filter(
        professional_id=professional_id, day__gte=since, day__lte=today
    ).values_list("day", *COUNTS)
    weeks = {}
    week = monday(since)
    while week <= today:
        weeks[week] = Counter()
        week += timedelta(weeks=1)
    for day, *counts in rows:
        weeks[monday(day)].update(dict(zip(COUNTS, counts, strict=True)))
    return [(week, {name: counts[name] for name in COUNTS}) for week, counts in weeks.items()]


def funnel(weeks):
    """The period's totals, from the weeks already read."""
    return {name: sum(counts[name] for _week, counts in weeks) for name in COUNTS}
