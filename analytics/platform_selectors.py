"""Reads for the moderators' platform dashboard, from the rollups only (never the raw
events): each is one query, whatever the number of people, payments or searches."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth, TruncWeek

from .models import CourseDay, LearnerDay, PaymentDay, RatingDay, SearchDay, SignupDay

RETENTION_WEEKS = (1, 4, 12)


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


def active_per_day(*, since):
    return dict(
        LearnerDay.objects.filter(day__gte=since)
        .values("day")
        .annotate(learners=Count("pk"))
        .values_list("day", "learners")
        .order_by("day")
    )


def active_per_week(*, since):
    """Week (its Monday) → learners active at least once that week."""
    return dict(
        LearnerDay.objects.filter(day__gte=since)
        .annotate(week_start=TruncWeek("day"))
        .values("week_start")
        .annotate(learners=Count("user_id", distinct=True))
        .values_list("week_start", "learners")
        .order_by("week_start")
    )


def retention(*, cohorts_since):
    """(cohort month, weeks later) → students of that cohort active that week."""
    rows = (
        LearnerDay.objects.filter(cohort__gte=cohorts_since, week__in=RETENTION_WEEKS)
        .values("cohort", "week")
        .annotate(learners=Count("user_id", distinct=True))
    )
    return {(row["cohort"], row["week"]): row["learners"] for row in rows}


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


def active_learners(*, since):
    """Students active at least once since ``since``, each counted once."""
    return LearnerDay.objects.filter(day__gte=since).values("user_id").distinct().count()
