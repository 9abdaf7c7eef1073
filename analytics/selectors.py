"""Reads for the dashboards, from the rollups only (never the raw events). Each one is
a single query, whatever the number of students."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Sum
from django.utils import timezone

from .models import CourseDay, LearnerActivity, LessonDay, QuizMissDay, VideoDay

PERIODS = (7, 30, 90)
FUNNEL = ("views", "enrolments", "first_lessons", "completions", "certificates")
AT_RISK_AFTER = timedelta(days=7)


def first_day(days):
    """The first day of a period of ``days`` days ending today (Africa/Douala)."""
    return timezone.localdate() - timedelta(days=days - 1)


def funnel(*, course_ids, since):
    totals = CourseDay.objects.filter(course_id__in=course_ids, day__gte=since).aggregate(
        **{step: Sum(step) for step in FUNNEL}
    )
    return {step: totals[step] or 0 for step in FUNNEL}


def daily(*, course_ids, since):
    """Views and enrolments per day of the period, days without events included."""
    rows = (
        CourseDay.objects.filter(course_id__in=course_ids, day__gte=since)
        .values("day")
        .annotate(views=Sum("views"), enrolments=Sum("enrolments"))
    )
    by_day = {row["day"]: row for row in rows}
    days = [since + timedelta(days=n) for n in range((timezone.localdate() - since).days + 1)]
    return [
        (day, by_day.get(day, {}).get("views", 0), by_day.get(day, {}).get("enrolments", 0))
        for day in days
    ]


def median_minutes(histogram):
    """The median of a {minutes: count} histogram, None when it is empty."""
    total = sum(histogram.values())
    if not total:
        return None
    seen = 0
    for minutes in sorted(histogram):
        seen += histogram[minutes]
        if 2 * seen >= total:
            return minutes
    return None


@dataclass
class LessonFigures:
    lesson_id: int
    reached: int = 0
    done: int = 0
    median_minutes: int | None = None


def lessons(*, course_ids, since):
    """Lesson id → students reaching it, students finishing it, median minutes."""
    rows = LessonDay.objects.filter(course_id__in=course_ids, day__gte=since).values_list(
        "lesson_id", "reached", "done", "minutes"
    )
    reached, done, minutes = Counter(), Counter(), defaultdict(Counter)
    for lesson_id, day_reached, day_done, day_minutes in rows:
        reached[lesson_id] += day_reached
        done[lesson_id] += day_done
        for bucket, count in day_minutes.items():
            minutes[lesson_id][int(bucket)] += count
    return {
        lesson_id: LessonFigures(
            lesson_id=lesson_id,
            reached=reached[lesson_id],
            done=done[lesson_id],
            median_minutes=median_minutes(minutes[lesson_id]),
        )
        for lesson_id in set(reached) | set(done)
    }


def video_quartiles(*, course_ids, since):
    """Lesson id → {25: students, 50: …, 75: …, 100: …}."""
    rows = (
        VideoDay.objects.filter(course_id__in=course_ids, day__gte=since)
        .values("lesson_id")
        .annotate(q25=Sum("q25"), q50=Sum("q50"), q75=Sum("q75"), q100=Sum("q100"))
    )
    return {
        row["lesson_id"]: {q: row[f"q{q}"] for q in (25, 50, 75, 100)}
        for row in rows
        if row["q25"] or row["q100"]
    }


@dataclass
class MissedQuestion:
    lesson_id: int
    quiz_id: str
    question_id: str
    misses: int
    wrong_choice_id: str | None
    wrong_choice_picks: int


def most_missed(*, course_ids, since, limit=10):
    rows = QuizMissDay.objects.filter(course_id__in=course_ids, day__gte=since).values_list(
        "lesson_id", "quiz_id", "question_id", "misses", "wrong_choices"
    )
    misses, wrong = Counter(), defaultdict(Counter)
    for lesson_id, quiz_id, question_id, day_misses, day_wrong in rows:
        key = (lesson_id, quiz_id, question_id)
        misses[key] += day_misses
        wrong[key].update(day_wrong)
    found = []
    for key, count in misses.most_common(limit):
        choice, picks = (wrong[key].most_common(1) or [(None, 0)])[0]
        found.append(
            MissedQuestion(*key, misses=count, wrong_choice_id=choice, wrong_choice_picks=picks)
        )
    return found


def last_activity(*, course_ids, user_ids):
    """(course id, user id) → when the student last did something in the course."""
    return {
        (row.course_id, row.user_id): row.last_active_at
        for row in LearnerActivity.objects.filter(course_id__in=course_ids, user_id__in=user_ids)
    }


def at_risk(enrolments, activity, *, now=None):
    """The enrolments whose student did nothing in the course for a week (an enrolment
    a week old with no activity at all counts too), quietest first."""
    cutoff = (now or timezone.now()) - AT_RISK_AFTER
    quiet = []
    for enrolment in enrolments:
        last = activity.get((enrolment.course_id, enrolment.user_id)) or enrolment.enrolled_at
        if last < cutoff:
            enrolment.last_active_at = last
            quiet.append(enrolment)
    return sorted(quiet, key=lambda enrolment: enrolment.last_active_at)
