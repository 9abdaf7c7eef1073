"""Writes: enrolment's services call these inside their own transaction, so a streak day
or points exist exactly when the lesson, quiz, work or review they are for does."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import streaks
from .calendar import local_day, week_of
from .errors import InvalidGoal
from .models import MAX_WEEKLY_LESSONS, PointsAward, Streak, WeeklyGoal
from .points import POINTS


@transaction.atomic
def record_activity(*, user_id, now=None):
    """A lesson done, a quiz or practice work handed in: today counts for the streak."""
    now = now or timezone.now()
    Streak.objects.get_or_create(user_id=user_id)
    row = Streak.objects.select_for_update().get(user_id=user_id)
    state = streaks.after_activity(streaks.state_of(row), local_day(now))
    row.current, row.best = state.current, state.best
    row.last_day, row.pause_week = state.last_day, state.pause_week
    row.last_activity_at = max(filter(None, [row.last_activity_at, now]))
    row.save(update_fields=["current", "best", "last_day", "pause_week", "last_activity_at"])
    return row


def award(*, user_id, source, source_id):
    """Points once per source: True when they were awarded now, False when earlier."""
    try:
        with transaction.atomic():
            PointsAward.objects.create(
                user_id=user_id, source=source, source_id=source_id, points=POINTS[source]
            )
    except IntegrityError:
        return False
    return True


def lesson_done(*, user_id, lesson_id):
    record_activity(user_id=user_id)
    award(user_id=user_id, source=PointsAward.Source.LESSON, source_id=lesson_id)


def course_completed(*, user_id, course_id):
    award(user_id=user_id, source=PointsAward.Source.COURSE, source_id=course_id)


def peer_review_given(*, user_id, review_id):
    award(user_id=user_id, source=PointsAward.Source.PEER_REVIEW, source_id=review_id)


def course_review_written(*, user_id, course_id):
    award(user_id=user_id, source=PointsAward.Source.COURSE_REVIEW, source_id=course_id)


def _clean_lessons(lessons):
    try:
        lessons = int(str(lessons).strip())
    except (TypeError, ValueError):
        lessons = 0
    if not 1 <= lessons <= MAX_WEEKLY_LESSONS:
        raise InvalidGoal(
            _("Choose a goal from 1 to %(max)d lessons a week.") % {"max": MAX_WEEKLY_LESSONS}
        )
    return lessons


@transaction.atomic
def set_weekly_goal(*, user, lessons, now=None):
    """Her goal from this week on (changing it twice in a week keeps the last one)."""
    lessons = _clean_lessons(lessons)
    goal, _created = WeeklyGoal.objects.update_or_create(
        user=user, week_start=week_of(local_day(now)), defaults={"lessons": lessons}
    )
    return goal
