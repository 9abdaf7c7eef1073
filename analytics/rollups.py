"""The daily rollup: one day's events (Africa/Douala) into the rollup tables.

Each table's rows come from aggregate queries (GROUP BY over the day's range of
``occurred_at``, which on PostgreSQL reads that day's monthly partition only); no event
is loaded into Python. What needs history — whether a student opened a lesson before
today — is an index probe into earlier partitions. The platform's own rows (sign-ups,
learners, payments, searches, ratings) are rolled up in the same run
(platform_rollups.py). Re-running a day deletes that day's rows and writes them again
from the events, so it gives the same rows; the last-activity table only ever moves
forward (a max)."""

from collections import defaultdict
from datetime import datetime, time, timedelta

from django.db import connection, transaction
from django.db.models import Count, Exists, Max, OuterRef, Q, Sum
from django.db.models.fields.json import KT, KeyTransform
from django.utils import timezone

from core import cache_tags

from . import platform_rollups
from .models import CourseDay, Event, LearnerActivity, LessonDay, QuizMissDay, VideoDay

K = Event.Kind
# Made stale by every run: what is read from the rollups may be kept until then.
ROLLUP_TAG = "analytics-rollups"
# At most this long, for the dashboards that keep what they read (runs are daily).
ROLLUP_KEPT_SECONDS = 24 * 3600
ACTIVITY_KINDS = platform_rollups.LEARNING_KINDS
QUARTILES = (25, 50, 75, 100)
# Longer than this, the student left the tab open: counted in the last bucket.
MAX_MINUTES = 600


def day_bounds(day):
    tz = timezone.get_default_timezone()
    start = timezone.make_aware(datetime.combine(day, time.min), tz)
    return start, start + timedelta(days=1)


def events_between(start, end):
    """The events of [start, end): a constant range, so PostgreSQL prunes partitions."""
    return Event.objects.filter(occurred_at__gte=start, occurred_at__lt=end).order_by()


@transaction.atomic
def roll_up(day):
    start, end = day_bounds(day)
    events = events_between(start, end).exclude(course_id=None)
    for model in (CourseDay, LessonDay, VideoDay, QuizMissDay):
        model.objects.filter(day=day).delete()
    CourseDay.objects.bulk_create(_course_days(day, events, start))
    LessonDay.objects.bulk_create(_lesson_days(day, events, start, end))
    VideoDay.objects.bulk_create(_video_days(day, events))
    QuizMissDay.objects.bulk_create(_quiz_days(day, events))
    _move_activity(start, end)
    platform_rollups.roll_up(day, start, end)
    cache_tags.invalidate(ROLLUP_TAG)


def _opened_before(start, *fields):
    """Whether the event's student opened the same course (or lesson) before ``start``."""
    return Exists(
        Event.objects.filter(
            kind=K.LESSON_OPENED,
            occurred_at__lt=start,
            **{field: OuterRef(field) for field in ("user_id", *fields)},
        )
    )


def _course_days(day, events, start):
    def kind(value):
        # Occurrences, not rows: a drained row stands for ``times`` page views.
        return Sum("times", filter=Q(kind=value), default=0)

    rows = events.values("course_id").annotate(
        views=kind(K.COURSE_VIEW),
        enrolments=kind(K.ENROLLED),
        completions=kind(K.COURSE_COMPLETED),
        certificates=kind(K.CERTIFICATE_ISSUED),
        # Students opening a lesson of a course they had never opened one of before.
        first_lessons=Count(
            "user_id",
            distinct=True,
            filter=Q(kind=K.LESSON_OPENED) & ~_opened_before(start, "course_id"),
        ),
    )
    return [CourseDay(day=day, **row) for row in rows]


def _lesson_days(day, events, start, end):
    rows = (
        events.filter(kind__in=[K.LESSON_OPENED, K.LESSON_DONE])
        .exclude(user_id=None)
        .exclude(lesson_id=None)
        .values("course_id", "lesson_id")
        .annotate(
            reached=Count(
                "user_id",
                distinct=True,
                filter=Q(kind=K.LESSON_OPENED) & ~_opened_before(start, "course_id", "lesson_id"),
            ),
            done=Count("user_id", distinct=True, filter=Q(kind=K.LESSON_DONE)),
        )
        .filter(Q(reached__gt=0) | Q(done__gt=0))
    )
    minutes = _minutes_to_finish(start, end)
    return [
        LessonDay(day=day, minutes=minutes.get((row["course_id"], row["lesson_id"]), {}), **row)
        for row in rows
    ]


def _minutes_expression(later, earlier):
    """Whole minutes from ``earlier`` to ``later`` (SQL), at most MAX_MINUTES."""
    if connection.vendor == "postgresql":
        return (
            f"LEAST(FLOOR(EXTRACT(EPOCH FROM ({later} - {earlier})) / 60)::integer, {MAX_MINUTES})"
        )
    # SQLite keeps datetimes as text; julianday is exact to well under a millisecond.
    return (
        f"MIN(CAST(ROUND((julianday({later}) - julianday({earlier})) * 86400000) AS INTEGER)"
        f" / 60000, {MAX_MINUTES})"
    )


def _minutes_to_finish(start, end):
    """(course, lesson) → {minutes: students}: for each student who finished a lesson
    today, the time from her first opening of it (any day) to her first finishing
    today; a student who never opened it first is not counted."""
    adapt = connection.ops.adapt_datetimefield_value
    sql = f"""
        WITH done AS (
            SELECT user_id, course_id, lesson_id, MIN(occurred_at) AS done_at
            FROM analytics_event
            WHERE occurred_at >= %s AND occurred_at < %s AND kind = %s
                AND user_id IS NOT NULL AND course_id IS NOT NULL AND lesson_id IS NOT NULL
            GROUP BY user_id, course_id, lesson_id
        ), taken AS (
            SELECT course_id, lesson_id, done_at, (
                SELECT MIN(opened.occurred_at) FROM analytics_event opened
                WHERE opened.kind = %s AND opened.occurred_at < %s
                    AND opened.user_id = done.user_id AND opened.course_id = done.course_id
                    AND opened.lesson_id = done.lesson_id
                    AND opened.occurred_at <= done.done_at
            ) AS opened_at
            FROM done
        )
        SELECT course_id, lesson_id, {_minutes_expression("done_at", "opened_at")}, COUNT(*)
        FROM taken WHERE opened_at IS NOT NULL
        GROUP BY 1, 2, 3
    """  # noqa: S608 - only our own constants are formatted in
    params = [adapt(start), adapt(end), K.LESSON_DONE, K.LESSON_OPENED, adapt(end)]
    minutes = defaultdict(dict)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for course, lesson, taken, students in cursor.fetchall():
            minutes[(course, lesson)][str(taken)] = students
    return minutes


def _video_days(day, events):
    rows = (
        events.filter(kind=K.VIDEO_PROGRESS, props__quartile__in=QUARTILES)
        .exclude(user_id=None)
        .exclude(lesson_id=None)
        .values("course_id", "lesson_id", quartile=KeyTransform("quartile", "props"))
        .annotate(students=Count("user_id", distinct=True))
    )
    counts = defaultdict(dict)
    for row in rows:
        counts[(row["course_id"], row["lesson_id"])][f"q{row['quartile']}"] = row["students"]
    return [
        VideoDay(course_id=course, lesson_id=lesson, day=day, **quartiles)
        for (course, lesson), quartiles in counts.items()
    ]


def _quiz_days(day, events):
    """Misses are counted per distinct choice list in SQL, then the lists unfolded."""
    rows = (
        events.filter(kind=K.QUIZ_MISS)
        .exclude(lesson_id=None)
        .values(
            "course_id",
            "lesson_id",
            quiz=KT("props__quiz"),
            question=KT("props__question"),
            chosen=KeyTransform("chosen", "props"),
        )
        .annotate(misses=Sum("times"))
    )
    misses = defaultdict(int)
    wrong = defaultdict(lambda: defaultdict(int))
    for row in rows:
        key = (
            row["course_id"],
            row["lesson_id"],
            "" if row["quiz"] is None else str(row["quiz"]),
            "" if row["question"] is None else str(row["question"]),
        )
        misses[key] += row["misses"]
        for choice in row["chosen"] or []:
            wrong[key][str(choice)] += row["misses"]
    return [
        QuizMissDay(
            course_id=course,
            lesson_id=lesson,
            quiz_id=quiz,
            question_id=question,
            day=day,
            misses=count,
            wrong_choices=dict(wrong[(course, lesson, quiz, question)]),
        )
        for (course, lesson, quiz, question), count in misses.items()
    ]


def _move_activity(start, end):
    """Each student's latest learning in each course moves her row forward, in one
    upsert (PostgreSQL and SQLite share the ON CONFLICT syntax)."""
    latest, params = (
        events_between(start, end)
        .filter(kind__in=ACTIVITY_KINDS)
        .exclude(course_id=None)
        .exclude(user_id=None)
        .values("course_id", "user_id")
        .annotate(at=Max("occurred_at"))
        .values_list("course_id", "user_id", "at")
        .query.sql_with_params()
    )
    table = LearnerActivity._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (course_id, user_id, last_active_at) {latest} "
            "ON CONFLICT (course_id, user_id) DO UPDATE "
            "SET last_active_at = excluded.last_active_at "
            f"WHERE {table}.last_active_at < excluded.last_active_at",
            params,
        )
