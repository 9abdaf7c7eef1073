"""Counts drained from the request path (course views, directory searches, profile
views) are one event per key and minute whose ``times`` is the count: the rollups sum
those weights, so every dashboard shows what one row per occurrence showed, also when
drained rows and ordinary one-per-event rows fall on the same day."""

import pytest
from django.db.models import Sum
from django.utils import timezone

from analytics import counted_events, professional_rollups, rollups
from analytics.models import CourseDay, Event, ProfessionalDay, SearchDay
from analytics.rollups import day_bounds
from core import counters

from ..counting import drain_counts
from ..query_counts import counted_queries
from .test_instructor_dashboard import log_in, numbers, stats_url  # noqa: F401 (fixture)
from .test_platform_dashboard import URL, platform, table  # noqa: F401 (fixture)
from .test_professional_dashboard import MINE, csv_rows

pytestmark = pytest.mark.django_db
K = Event.Kind
MANY = 500


def counted_in_one_request(*counts):
    """Each (count function, its arguments, how many times) counted inside one request:
    the counts reach the store together, so they share one minute."""
    with counters.batched():
        for count, args, times in counts:
            for _ in range(times):
                count(*args)


def drained(kind):
    """Drain, and return the rows of ``kind`` that stand for more than one occurrence."""
    drain_counts()
    return list(Event.objects.filter(kind=kind, times__gt=1))


def day_of(row):
    return timezone.localdate(row.occurred_at)


def occurrences(kind, day, **lookups):
    start, end = day_bounds(day)
    events = Event.objects.filter(kind=kind, occurred_at__gte=start, occurred_at__lt=end)
    return events.filter(**lookups).aggregate(total=Sum("times", default=0))["total"]


def test_500_views_of_a_course_in_a_minute_are_one_row_and_500_views(course_site):
    course = course_site["course"]
    counted_in_one_request(
        (counted_events.count_course_view, [course.pk], MANY),
        (counted_events.count_course_view, [course.pk + 999], 3),
    )

    with counted_queries() as queries:
        assert drain_counts() == MANY + 3

    inserts = [sql for sql in queries if sql.startswith('INSERT INTO "analytics_event"')]
    assert len(inserts) == 1, inserts
    rows = Event.objects.filter(kind=K.COURSE_VIEW).order_by("course_id")
    assert [(row.course_id, row.user_id, row.times) for row in rows] == [
        (course.pk, None, MANY),
        (course.pk + 999, None, 3),
    ]
    day = day_of(rows[0])
    rollups.roll_up(day)
    assert CourseDay.objects.get(course_id=course.pk, day=day).views == MANY
    page = log_in(course_site["teacher"]).get(stats_url(course) + "?days=7")
    assert page.context["tables"]["funnel"].rows[0][1] == MANY


def test_drained_views_and_ordinary_view_events_add_up_on_the_dashboard(numbers):  # noqa: F811
    course = numbers["course"]
    counted_in_one_request((counted_events.count_course_view, [course.pk], MANY))

    [row] = drained(K.COURSE_VIEW)

    day = day_of(row)
    rollups.roll_up(day)
    ordinary = Event.objects.filter(kind=K.COURSE_VIEW, times=1).count()
    assert ordinary == 4
    assert CourseDay.objects.get(course_id=course.pk, day=day).views == (
        occurrences(K.COURSE_VIEW, day, course_id=course.pk)
    )
    page = log_in(numbers["teacher"]).get(stats_url(course) + "?days=7")
    assert [line[1] for line in page.context["tables"]["funnel"].rows] == [4 + MANY, 2, 1, 0, 0]


def test_drained_searches_add_up_with_ordinary_ones_in_the_searches_by_town(platform):  # noqa: F811
    counted_in_one_request((counted_events.count_search, ["douala", "braiding"], MANY))

    [row] = drained(K.DIRECTORY_SEARCH)

    assert (row.props, row.times, row.user_id) == (
        {"town": "douala", "service": "braiding"},
        MANY,
        None,
    )
    day = day_of(row)
    rollups.roll_up(day)
    searched = SearchDay.objects.get(day=day, town="douala", service="braiding").searches
    asked = {"props__town": "douala", "props__service": "braiding"}
    assert searched == occurrences(K.DIRECTORY_SEARCH, day, **asked)
    page = log_in(platform["moderator"]).get(URL + "?days=30")
    # The fixture's three ordinary searches for braids in Douala, and the drained ones.
    assert table(page, "demand")[0][:3] == ("Douala", "Braiding", 3 + MANY)
    assert table(page, "trending_searches")[0][:3] == ("Braiding", 4 + MANY, 1)


def test_drained_profile_views_add_up_with_ordinary_ones_in_her_statistics(pro_site):
    professional = pro_site["professional"]
    counted_in_one_request((counted_events.count_profile_view, [professional.pk], MANY))

    [row] = drained(K.PROFILE_VIEW)

    assert (row.props, row.times) == ({"professional": professional.pk}, MANY)
    day = day_of(row)
    professional_rollups.roll_up(day)
    rolled = ProfessionalDay.objects.get(professional_id=professional.pk, day=day)
    mine = {"props__professional": professional.pk}
    assert rolled.profile_views == occurrences(K.PROFILE_VIEW, day, **mine) > MANY
    funnel = csv_rows(log_in(pro_site["awa"]).get(MINE + "export/funnel.csv?days=30"))
    # The fixture's fifteen ordinary views of the last 30 days, and the drained ones.
    assert int(funnel[1][1]) == 15 + MANY
