"""Reads for the moderators' platform dashboard, from the rollups only (never the raw
events): each is one query, whatever the number of people, payments or searches."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth, TruncWeek

from .models import (
    ActiveLearnersDay,
    CohortWeek,
    CourseDay,
    LearnerDay,
    PaymentDay,
    RatingDay,
    SearchDay,
    SignupDay,
)

RETENTION_WEEKS = CohortWeek.WEEKS


def previous_span(since, until):
    """The span of the same length just before [since, until] (dates, inclusive)."""
    length = (until - since).days + 1
    return since - timedelta(days=length)


@dataclass
class Signups:
    # (role, region) → people signed up in the period.
    by_role_and_region: Counter = field(default_factory=Counter)
    # Month (first day) → students signed up that month (whole months, for cohorts).
    students_by_month: Counter = field(default_factory=Counter)


def signups(*, since, cohorts_since):
    """The period's sign-ups and the cohort sizes, in one query."""
    found = Signups()
    rows = (
        SignupDay.objects.filter(day__gte=min(since, cohorts_since))
        .annotate(month=TruncMonth("day"))
        .values("month", "role", "region")
        .annotate(in_period=Sum("people", filter=Q(day__gte=since)), in_month=Sum("people"))
    )
    for row in rows:
        found.by_role_and_region[(row["role"], row["region"])] += row["in_period"] or 0
        if row["role"] == SignupDay.Role.STUDENT and row["month"] >= cohorts_since:
            found.students_by_month[row["month"]] += row["in_month"]
    return found


@dataclass
class Activity:
    per_day: dict = field(default_factory=dict)  # day → learners active that day
    # Week (its Monday) → learners active at least once that week (the whole week,
    # also for a first week that starts before the period).
    per_week: dict = field(default_factory=dict)


def activity(*, since):
    """Active learners per day and per week since ``since``, from the daily counts the
    rollup keeps (one row a day): the week's figure is its last rolled-up day's."""
    found = Activity()
    monday = since - timedelta(days=since.weekday())
    rows = (
        ActiveLearnersDay.objects.filter(day__gte=monday)
        .values_list("day", "daily", "week_to_date")
        .order_by("day")
    )
    for day, daily, week_to_date in rows:
        if day >= since and daily:
            found.per_day[day] = daily
        if week_to_date:
            found.per_week[day - timedelta(days=day.weekday())] = week_to_date
    return found


def retention(*, cohorts_since):
    """(cohort month, weeks later) → students of that cohort active that week."""
    rows = CohortWeek.objects.filter(cohort__gte=cohorts_since, week__in=RETENTION_WEEKS)
    return {(row.cohort, row.week): row.learners for row in rows}


@dataclass
class CourseFigures:
    enrolments: int = 0
    completions: int = 0
    enrolments_before: int = 0


def courses(*, since, before):
    """Course id → enrolments and completions in the period, and enrolments in the
    period before it (``before`` is its first day), for trending."""
    rows = (
        CourseDay.objects.filter(day__gte=before)
        .values("course_id")
        .annotate(
            enrolled=Sum("enrolments", filter=Q(day__gte=since)),
            completed=Sum("completions", filter=Q(day__gte=since)),
            enrolled_before=Sum("enrolments", filter=Q(day__lt=since)),
        )
    )
    return {
        row["course_id"]: CourseFigures(
            row["enrolled"] or 0, row["completed"] or 0, row["enrolled_before"] or 0
        )
        for row in rows
        if row["enrolled"] or row["completed"] or row["enrolled_before"]
    }


@dataclass
class Payments:
    by_provider: dict = field(default_factory=dict)  # provider → Counter of the fields
    by_day: dict = field(default_factory=lambda: defaultdict(Counter))  # day → Counter


PAYMENT_FIELDS = ("attempts", "paid", "failed", "paid_xaf", "refunds", "refunded_xaf")


def payments(*, since):
    """Payments per provider and money per day of the period, in one query."""
    found = Payments()
    rows = PaymentDay.objects.filter(day__gte=since).values_list("day", "provider", *PAYMENT_FIELDS)
    for day, provider, *figures in rows:
        values = dict(zip(PAYMENT_FIELDS, figures, strict=True))
        found.by_provider.setdefault(provider, Counter()).update(values)
        found.by_day[day].update(values)
    return found


def searches(*, since, before):
    """(town, service) → (searches in the period, in the period before it)."""
    rows = (
        SearchDay.objects.filter(day__gte=before)
        .values("town", "service")
        .annotate(
            now=Sum("searches", filter=Q(day__gte=since)),
            then=Sum("searches", filter=Q(day__lt=since)),
        )
    )
    return {(row["town"], row["service"]): (row["now"] or 0, row["then"] or 0) for row in rows}


def ratings_over_time(*, course_ids, since):
    """Week (its Monday) → (ratings, stars) the courses received that week."""
    return {
        row["week_start"]: (row["received"], row["total_stars"])
        for row in RatingDay.objects.filter(course_id__in=course_ids, day__gte=since)
        .annotate(week_start=TruncWeek("day"))
        .values("week_start")
        .annotate(received=Sum("ratings"), total_stars=Sum("stars"))
        .order_by("week_start")
    }


# Length of the period (days) → the daily count that holds it.
WINDOWS = {1: "daily", 7: "last_7_days", 28: "last_28_days"}


def active_learners(*, since, until):
    """Students active at least once from ``since`` to ``until`` (inclusive), each
    counted once: the rollup's count when the period is one it keeps (a day, 7 or 28
    days), else counted over the learner days."""
    window = WINDOWS.get((until - since).days + 1)
    if window:
        row = ActiveLearnersDay.objects.filter(day=until).values_list(window, flat=True)
        return next(iter(row), 0)
    period = LearnerDay.objects.filter(day__gte=since, day__lte=until)
    return period.values("user_id").distinct().count()
