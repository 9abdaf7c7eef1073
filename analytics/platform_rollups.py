"""The platform rollup: one day (Africa/Douala) of sign-ups, active learners, payments,
directory searches and course ratings, for the moderators' dashboard and the ratings
over time on the instructors' one.

Like the course rollup, each day's rows are deleted and written again whole, so a
re-run gives the same rows. Sign-ups, payments and ratings come from the apps that own
them (their selectors); learners and searches from the event stream."""

from collections import Counter
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.fields.json import KT
from django.utils import timezone

from accounts import selectors as people
from checkout import reports as payments
from directory import demand
from enrolment import selectors as learning

from .models import (
    ActiveLearnersDay,
    CohortWeek,
    Event,
    LearnerDay,
    PaymentDay,
    RatingDay,
    SearchDay,
    SignupDay,
)

K = Event.Kind
Role = SignupDay.Role
# Doing something in a course (opening its page is not taking part).
LEARNING_KINDS = [
    K.ENROLLED,
    K.LESSON_OPENED,
    K.LESSON_DONE,
    K.COURSE_COMPLETED,
    K.CERTIFICATE_ISSUED,
    K.VIDEO_PROGRESS,
    K.QUIZ_MISS,
]


@transaction.atomic
def roll_up(day, start, end):
    """Rewrite ``day``'s platform rows; ``start``/``end`` are its bounds (aware)."""
    # The cohort weeks the day's learners counted in, before and after the re-run.
    cohort_weeks = _cohort_weeks(LearnerDay.objects.filter(day=day))
    for model in (SignupDay, LearnerDay, PaymentDay, SearchDay, RatingDay, ActiveLearnersDay):
        model.objects.filter(day=day).delete()
    SignupDay.objects.bulk_create(_signups(day, start, end))
    learners = LearnerDay.objects.bulk_create(_learners(day, start, end))
    ActiveLearnersDay.objects.create(**_active_counts(day))
    _count_cohort_weeks(cohort_weeks | _cohort_weeks(learners))
    PaymentDay.objects.bulk_create(_payments(day, start, end))
    SearchDay.objects.bulk_create(_searches(day, start, end))
    RatingDay.objects.bulk_create(
        RatingDay(course_id=course_id, day=day, ratings=ratings, stars=stars)
        for course_id, ratings, stars in learning.ratings_given(since=start, until=end)
    )


def _signups(day, start, end):
    joined = people.joined_between(start, end)
    professionals = demand.professional_user_ids([row[0] for row in joined])
    counts = Counter()
    for user_id, region, is_student, is_client, instructor_status in joined:
        roles = [Role.ALL]
        roles += [Role.STUDENT] if is_student else []
        roles += [Role.CLIENT] if is_client else []
        roles += [Role.INSTRUCTOR] if instructor_status else []
        roles += [Role.PROFESSIONAL] if user_id in professionals else []
        counts.update((role, region) for role in roles)
    return [
        SignupDay(day=day, role=role, region=region, people=count)
        for (role, region), count in counts.items()
    ]


def _learners(day, start, end):
    active = set(
        Event.objects.filter(occurred_at__gte=start, occurred_at__lt=end, kind__in=LEARNING_KINDS)
        .exclude(user_id=None)
        .values_list("user_id", flat=True)
        .distinct()
    )
    joined = people.joined_dates(active)
    rows = []
    for user_id in sorted(active):
        signed_up = joined.get(user_id)
        if signed_up is None:
            rows.append(LearnerDay(day=day, user_id=user_id))
            continue
        signed_up = timezone.localdate(signed_up)
        rows.append(
            LearnerDay(
                day=day,
                user_id=user_id,
                cohort=signed_up.replace(day=1),
                week=max((day - signed_up).days, 0) // 7,
            )
        )
    return rows


def _active_counts(day):
    """The day's distinct active learners over the windows ending that day, one query
    over at most 28 days of learner days (the rollup's cost, not the dashboard's)."""
    monday = day - timedelta(days=day.weekday())
    week_ago, month_ago = day - timedelta(days=6), day - timedelta(days=27)
    return {
        "day": day,
        **LearnerDay.objects.filter(day__gte=min(monday, month_ago), day__lte=day).aggregate(
            daily=Count("user_id", distinct=True, filter=Q(day=day)),
            week_to_date=Count("user_id", distinct=True, filter=Q(day__gte=monday)),
            last_7_days=Count("user_id", distinct=True, filter=Q(day__gte=week_ago)),
            last_28_days=Count("user_id", distinct=True, filter=Q(day__gte=month_ago)),
        ),
    }


def _cohort_weeks(learner_days):
    """The (cohort, week) pairs of the retention table these learner days fall in."""
    return {
        (row.cohort, row.week)
        for row in learner_days
        if row.cohort is not None and row.week in CohortWeek.WEEKS
    }


def _count_cohort_weeks(pairs):
    """Count again, from every learner day, the students of each (cohort, week) pair:
    a day only adds to the pairs its learners are in, so only those are rewritten."""
    if not pairs:
        return
    wanted = Q()
    for cohort, week in pairs:
        wanted |= Q(cohort=cohort, week=week)
    counts = {
        (row["cohort"], row["week"]): row["learners"]
        for row in LearnerDay.objects.filter(wanted)
        .values("cohort", "week")
        .annotate(learners=Count("user_id", distinct=True))
        .order_by()
    }
    CohortWeek.objects.filter(wanted).delete()
    CohortWeek.objects.bulk_create(
        CohortWeek(cohort=cohort, week=week, learners=counts[(cohort, week)])
        for cohort, week in pairs
        if counts.get((cohort, week))
    )


def _payments(day, start, end):
    return [
        PaymentDay(
            day=day,
            provider=provider,
            attempts=line.attempts,
            paid=line.paid,
            failed=line.failed,
            paid_xaf=line.paid_xaf,
            refunds=line.refunds,
            refunded_xaf=line.refunded_xaf,
        )
        for provider, line in payments.payments_by_provider(since=start, until=end).items()
    ]


def _searches(day, start, end):
    """Summed in SQL (a drained row stands for ``times`` searches) per town and service
    asked for; a slug the directory does not know (a hand-typed address) counts as
    "any"."""
    rows = (
        Event.objects.filter(occurred_at__gte=start, occurred_at__lt=end, kind=K.DIRECTORY_SEARCH)
        .order_by()
        .values(town=KT("props__town"), service=KT("props__service"))
        .annotate(searches=Sum("times"))
    )
    if not rows:
        return []
    towns, services = demand.known_slugs()
    counts = Counter()
    for row in rows:
        town = row["town"] if row["town"] in towns else ""
        service = row["service"] if row["service"] in services else ""
        counts[(town, service)] += row["searches"]
    return [
        SearchDay(day=day, town=town, service=service, searches=count)
        for (town, service), count in counts.items()
    ]
