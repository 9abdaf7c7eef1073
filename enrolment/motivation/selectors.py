"""Reads: what My learning shows a student about herself, and the points of the members
of a study group that chose to show them (never a list across the whole site)."""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone

from . import streaks
from .calendar import local_day, start_of_week
from .models import PointsAward, Streak, WeeklyGoal


@dataclass(frozen=True)
class Motivation:
    points: int
    streak: int
    best_streak: int
    learnt_today: bool
    pause_left: bool
    goal: int | None  # lessons a week, None until she sets one
    lessons_this_week: int

    @property
    def goal_percent(self):
        return min(100, 100 * self.lessons_this_week // self.goal) if self.goal else 0

    @property
    def goal_reached(self):
        return bool(self.goal) and self.lessons_this_week >= self.goal


def motivation_for(user, *, now=None):
    """Her streak, points and this week's goal: three queries, whatever her history."""
    now = now or timezone.now()
    today = local_day(now)
    row = Streak.objects.filter(user=user).first()
    state = streaks.state_of(row)
    figures = PointsAward.objects.filter(user=user).aggregate(
        points=Sum("points"),
        lessons=Count(
            "pk",
            filter=Q(source=PointsAward.Source.LESSON, awarded_at__gte=start_of_week(now)),
        ),
    )
    goal = (
        WeeklyGoal.objects.filter(user=user, week_start__lte=today)
        .values_list("lessons", flat=True)
        .first()
    )
    return Motivation(
        points=figures["points"] or 0,
        streak=streaks.current_length(state, today),
        best_streak=state.best,
        learnt_today=state.last_day == today,
        pause_left=streaks.pause_left_this_week(state, today),
        goal=goal,
        lessons_this_week=figures["lessons"],
    )


def points_of(user_ids):
    """{user id: points} for these people, in one query (0 for those with none)."""
    user_ids = list(user_ids)
    totals = dict(
        PointsAward.objects.filter(user_id__in=user_ids)
        .order_by()
        .values("user_id")
        .annotate(total=Sum("points"))
        .values_list("user_id", "total")
    )
    return {user_id: totals.get(user_id, 0) for user_id in user_ids}
