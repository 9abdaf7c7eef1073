"""The daily rollup: one day's events (Africa/Douala) into the rollup tables.

The platform's own rows (sign-ups, learners, payments, searches, ratings) are rolled
up in the same run (platform_rollups.py). Re-running a day deletes that day's rows and writes them again from the events, so it
gives the same rows; the last-activity table only ever moves forward (a max)."""

from collections import Counter, defaultdict
from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from . import platform_rollups
from .models import CourseDay, Event, LearnerActivity, LessonDay, QuizMissDay, VideoDay

K = Event.Kind
ACTIVITY_KINDS = platform_rollups.LEARNING_KINDS
QUARTILES = (25, 50, 75, 100)
# Longer than this, the student left the tab open: counted in the last bucket.
MAX_MINUTES = 600


def day_bounds(day):
    tz = timezone.get_default_timezone()
    start = timezone.make_aware(datetime.combine(day, time.min), tz)
    return start, start + timedelta(days=1)


@transaction.atomic
def roll_up(day):
    start, end = day_bounds(day)
    events = list(
        Event.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
        .exclude(course_id=None)
        .values_list("kind", "user_id", "course_id", "lesson_id", "props", "occurred_at")
        .order_by("occurred_at", "pk")
    )
    for model in (CourseDay, LessonDay, VideoDay, QuizMissDay):
        model.objects.filter(day=day).delete()
    opened_before = _first_openings_before(start, events)
    CourseDay.objects.bulk_create(_course_days(day, events, opened_before))
    LessonDay.objects.bulk_create(_lesson_days(day, events, opened_before))
    VideoDay.objects.bulk_create(_video_days(day, events))
    QuizMissDay.objects.bulk_create(_quiz_days(day, events))
    _move_activity(events)
    platform_rollups.roll_up(day, start, end)


def _first_openings_before(start, events):
    """(user, lesson) → when that student first opened that lesson, for the students
    who open lessons today, looking only before today."""
    users = {user for kind, user, *_ in events if kind == K.LESSON_OPENED and user}
    if not users:
        return {}
    rows = (
        Event.objects.filter(kind=K.LESSON_OPENED, occurred_at__lt=start, user_id__in=users)
        .values("user_id", "course_id", "lesson_id")
        .annotate(first=Min("occurred_at"))
    )
    return {(row["user_id"], row["course_id"], row["lesson_id"]): row["first"] for row in rows}


def _course_days(day, events, opened_before):
    counts = defaultdict(Counter)
    courses_started_before = {(user, course) for user, course, _lesson in opened_before}
    started = set()
    for kind, user, course, _lesson, _props, _at in events:
        counts[course][kind] += 1
        if kind == K.LESSON_OPENED and user and (user, course) not in courses_started_before:
            started.add((user, course))
    for _user, course in started:
        counts[course]["first"] += 1
    return [
        CourseDay(
            course_id=course,
            day=day,
            views=count[K.COURSE_VIEW],
            enrolments=count[K.ENROLLED],
            first_lessons=count["first"],
            completions=count[K.COURSE_COMPLETED],
            certificates=count[K.CERTIFICATE_ISSUED],
        )
        for course, count in counts.items()
    ]


def _lesson_days(day, events, opened_before):
    first_open = dict(opened_before)
    reached, done = defaultdict(set), defaultdict(set)
    minutes = defaultdict(Counter)
    for kind, user, course, lesson, _props, at in events:
        if not user or not lesson:
            continue
        key = (user, course, lesson)
        if kind == K.LESSON_OPENED and key not in first_open:
            first_open[key] = at
            reached[(course, lesson)].add(user)
        elif kind == K.LESSON_DONE and user not in done[(course, lesson)]:
            done[(course, lesson)].add(user)
            if key in first_open:
                taken = int((at - first_open[key]).total_seconds() // 60)
                minutes[(course, lesson)][str(min(taken, MAX_MINUTES))] += 1
    return [
        LessonDay(
            course_id=course,
            lesson_id=lesson,
            day=day,
            reached=len(reached[(course, lesson)]),
            done=len(done[(course, lesson)]),
            minutes=dict(minutes[(course, lesson)]),
        )
        for course, lesson in set(reached) | set(done)
    ]


def _video_days(day, events):
    seen = defaultdict(set)
    for kind, user, course, lesson, props, _at in events:
        if kind == K.VIDEO_PROGRESS and user and lesson and props.get("quartile") in QUARTILES:
            seen[(course, lesson, props["quartile"])].add(user)
    lessons = {(course, lesson) for course, lesson, _q in seen}
    return [
        VideoDay(
            course_id=course,
            lesson_id=lesson,
            day=day,
            **{f"q{q}": len(seen[(course, lesson, q)]) for q in QUARTILES},
        )
        for course, lesson in lessons
    ]


def _quiz_days(day, events):
    misses = Counter()
    wrong = defaultdict(Counter)
    for kind, _user, course, lesson, props, _at in events:
        if kind != K.QUIZ_MISS or not lesson:
            continue
        key = (course, lesson, str(props.get("quiz", "")), str(props.get("question", "")))
        misses[key] += 1
        for choice in props.get("chosen") or []:
            wrong[key][str(choice)] += 1
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


def _move_activity(events):
    latest = {}
    for kind, user, course, _lesson, _props, at in events:
        if user and kind in ACTIVITY_KINDS:
            latest[(course, user)] = max(at, latest.get((course, user), at))
    if not latest:
        return
    known = {
        (row.course_id, row.user_id): row
        for row in LearnerActivity.objects.filter(
            user_id__in={user for _course, user in latest},
            course_id__in={course for course, _user in latest},
        )
    }
    new, moved = [], []
    for (course, user), at in latest.items():
        row = known.get((course, user))
        if row is None:
            new.append(LearnerActivity(course_id=course, user_id=user, last_active_at=at))
        elif row.last_active_at < at:
            row.last_active_at = at
            moved.append(row)
    LearnerActivity.objects.bulk_create(new)
    LearnerActivity.objects.bulk_update(moved, ["last_active_at"])
