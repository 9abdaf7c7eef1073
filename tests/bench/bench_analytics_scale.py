"""Analytics at scale: BENCH_EVENTS events over three months, rolled up day by day,
then the three dashboards (an instructor's course, a professional's, the platform's)
through the test client.

Prints the event count, the rollup's seconds per day (mean and worst), and per
dashboard its queries (goal ≤ 15) and p50/p95 ms over 20 views (goal ≤ 150 ms p95 at
10 million events); on PostgreSQL also the EXPLAIN of a one-day rollup query, which
scans that day's monthly partition only. Events are made by INSERT … SELECT
generate_series on PostgreSQL (1,000,000 by default, so CI's run stays near a minute)
and by bulk_create on SQLite (20,000):

    BENCH_EVENTS=10000000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/bsa_h8 \
        .venv/bin/python -m pytest tests/bench/bench_analytics_scale.py -s -q --reuse-db
"""

import os
import statistics
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.utils import timezone

from analytics import partitions, rollups, tasks
from analytics.models import CourseDay, Event

from ..analytics.conftest import course_site, pro_site  # noqa: F401 (shared fixtures)
from ..conftest import make_person
from .bench_page_weight import QueryCounter

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

ON_POSTGRESQL = connection.vendor == "postgresql"
EVENTS = int(os.environ.get("BENCH_EVENTS", 1_000_000)) if ON_POSTGRESQL else 20_000
DAYS = 91
COURSES = 2_000
USERS = 200_000
PROFESSIONALS = 5_000
# Ids far above the real pages' and people's, so the crowd never is someone real.
FAR = 10_000_000
RUNS = 20
QUERY_GOAL = 15
P95_GOAL_MS = 150
# One event in KINDS_EVERY is of each kind below, by n modulo; a share of them is the
# real course's or the real professional's (one in SHARE), the rest the crowd's.
KINDS = [
    *[Event.Kind.COURSE_VIEW] * 5,
    Event.Kind.ENROLLED,
    *[Event.Kind.LESSON_OPENED] * 3,
    *[Event.Kind.LESSON_DONE] * 2,
    Event.Kind.COURSE_COMPLETED,
    *[Event.Kind.VIDEO_PROGRESS] * 2,
    Event.Kind.QUIZ_MISS,
    *[Event.Kind.PROFILE_VIEW] * 2,
    Event.Kind.CONTACT_REVEAL,
    Event.Kind.ENQUIRY,
    Event.Kind.DIRECTORY_SEARCH,
]
SHARE = 50
ANONYMOUS = ("course_view", "profile_view", "contact_reveal", "search")
NO_COURSE = ("profile_view", "contact_reveal", "enquiry", "search")
IN_A_LESSON = ("lesson_opened", "lesson_done", "video_progress", "quiz_miss")
ABOUT_A_PROFESSIONAL = ("profile_view", "contact_reveal", "enquiry")


def _sql_list(kinds):
    return ", ".join(f"'{kind}'" for kind in kinds)


def _first_day():
    return timezone.localdate() - timedelta(days=DAYS - 1)


def _insert_on_postgresql(course, lessons, professional):
    start, _end = rollups.day_bounds(_first_day())
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO analytics_event (kind, user_id, course_id, lesson_id, props, occurred_at)
            SELECT e.kind,
                CASE WHEN e.kind IN ({_sql_list(ANONYMOUS)})
                    THEN NULL ELSE %(far)s + (n * 7919) %% %(users)s END,
                CASE WHEN e.kind IN ({_sql_list(NO_COURSE)}) THEN NULL ELSE e.course END,
                CASE WHEN e.kind IN ({_sql_list(IN_A_LESSON)})
                    THEN CASE WHEN e.course = %(course)s
                        THEN (%(lessons)s::int[])[(1 + n %% cardinality(%(lessons)s::int[]))::int]
                        ELSE e.course * 10 + n %% 7 END END,
                CASE e.kind
                    WHEN 'video_progress' THEN jsonb_build_object('quartile', 25 * (1 + n %% 4))
                    WHEN 'quiz_miss' THEN jsonb_build_object('quiz', 'q', 'question',
                        'x' || n %% 5, 'chosen', jsonb_build_array(chr((97 + n %% 3)::int)))
                    WHEN 'search' THEN jsonb_build_object('town', 'douala', 'service', 'nails')
                    ELSE CASE WHEN e.kind IN ({_sql_list(ABOUT_A_PROFESSIONAL)})
                        THEN jsonb_build_object('professional', e.pro)
                        ELSE '{{}}'::jsonb END END,
                %(start)s::timestamptz + (n::float8 / %(count)s) * interval '{DAYS} days'
            FROM generate_series(1, %(count)s::bigint) AS n,
            LATERAL (SELECT (ARRAY[{_sql_list(KINDS)}])[(1 + n %% {len(KINDS)})::int] AS kind,
                CASE WHEN n %% {SHARE} < {len(KINDS)} THEN %(course)s
                    ELSE %(far)s + (n * 104729) %% %(courses)s END AS course,
                CASE WHEN n %% {SHARE} < {len(KINDS)} THEN %(professional)s
                    ELSE %(far)s + (n * 31) %% %(professionals)s END AS pro) AS e
            """,  # noqa: S608 - only our own constants are formatted in
            {
                "far": FAR,
                "users": USERS,
                "courses": COURSES,
                "professionals": PROFESSIONALS,
                "course": course.pk,
                "lessons": lessons,
                "professional": professional.pk,
                "start": start,
                "count": EVENTS,
            },
        )
        cursor.execute("ANALYZE analytics_event")


def _insert_on_sqlite(course, lessons, professional):
    start, _end = rollups.day_bounds(_first_day())
    step = timedelta(days=DAYS) / EVENTS
    events = []
    for n in range(1, EVENTS + 1):
        kind = KINDS[n % len(KINDS)]
        ours = n % SHARE < len(KINDS)
        course_id = course.pk if ours else FAR + (n * 104729) % COURSES
        pro = professional.pk if ours else FAR + (n * 31) % PROFESSIONALS
        lesson = lessons[n % len(lessons)] if ours else course_id * 10 + n % 7
        props = {
            Event.Kind.VIDEO_PROGRESS: {"quartile": 25 * (1 + n % 4)},
            Event.Kind.QUIZ_MISS: {"quiz": "q", "question": f"x{n % 5}", "chosen": ["abc"[n % 3]]},
            Event.Kind.DIRECTORY_SEARCH: {"town": "douala", "service": "nails"},
        }.get(kind, {"professional": pro} if kind in ABOUT_A_PROFESSIONAL else {})
        events.append(
            Event(
                kind=kind,
                user_id=None if kind in ANONYMOUS else FAR + (n * 7919) % USERS,
                course_id=None if kind in NO_COURSE else course_id,
                lesson_id=lesson if kind in IN_A_LESSON else None,
                props=props,
                occurred_at=start + step * n,
            )
        )
    Event.objects.bulk_create(events, batch_size=2_000)


def _explain_one_day():
    """The plan of a one-day aggregate: on PostgreSQL it names one partition."""
    start, end = rollups.day_bounds(timezone.localdate() - timedelta(days=3))
    plan = rollups.events_between(start, end).values("course_id").annotate(n=Count("pk")).explain()
    if ON_POSTGRESQL:
        scanned = partitions.partitions_in_plan(plan)
        assert len(scanned) == 1, plan
    return plan


def _time_views(client, path):
    assert client.get(path).status_code == 200, path
    with QueryCounter() as queries:
        client.get(path)
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    timings.sort()
    return len(queries), statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def _logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_rollups_and_dashboards_over_three_months_of_events(course_site, pro_site):  # noqa: F811
    course, teacher = course_site["course"], course_site["teacher"]
    lessons = [course_site[name].pk for name in ("preview", "reading", "quiz", "work")]
    professional = pro_site["professional"]
    Event.objects.all().delete()
    if ON_POSTGRESQL:
        partitions.ensure_months_ahead(today=_first_day())
    started = time.perf_counter()
    (_insert_on_postgresql if ON_POSTGRESQL else _insert_on_sqlite)(course, lessons, professional)
    inserted = time.perf_counter() - started
    assert Event.objects.count() == EVENTS

    seconds = []
    day = _first_day()
    while day <= timezone.localdate():
        started = time.perf_counter()
        tasks.roll_up_day(day.isoformat())
        seconds.append(time.perf_counter() - started)
        day += timedelta(days=1)
    assert CourseDay.objects.filter(course_id=course.pk).count() >= DAYS - 1

    moderator = make_person("bench-moderator@example.cm", groups=["Moderators"])
    print(f"\nanalytics at scale on {connection.vendor}: {EVENTS:,} events in {inserted:.1f} s")
    print(
        f"  rollup: {len(seconds)} days, {statistics.mean(seconds):.2f} s/day mean, "
        f"{max(seconds):.2f} s worst, {sum(seconds):.1f} s in all"
    )
    dashboards = [
        ("instructor course", _logged_in(teacher), f"/fr/teach/stats/course/{course.pk}/?days=90"),
        ("professional", _logged_in(pro_site["awa"]), "/fr/directory/me/stats/?days=90"),
        ("platform", _logged_in(moderator), "/admin/platform/?days=90"),
    ]
    for name, client, path in dashboards:
        queries, p50, p95 = _time_views(client, path)
        over = []
        if queries > QUERY_GOAL:
            over.append(f"queries over {QUERY_GOAL}")
        if p95 > P95_GOAL_MS:
            over.append(f"p95 over {P95_GOAL_MS} ms")
        print(
            f"  {name}: {queries} queries, p50 {p50:.0f} ms, p95 {p95:.0f} ms"
            + (f" ({', '.join(over)})" if over else "")
        )
    plan = _explain_one_day()
    print("  one-day rollup query plan:\n    " + plan.replace("\n", "\n    "))
