"""The streak rules, on plain values so each case is easy to test.

A streak counts the days with learning in a row. A missed day is covered by the pause
of its ISO week, at most one a week: two missed days in one week, or a missed day in a
week whose pause is spent, end the streak."""

from dataclasses import dataclass, replace
from datetime import timedelta

from .calendar import week_of


@dataclass(frozen=True)
class StreakState:
    current: int = 0
    best: int = 0
    last_day: object = None  # date
    pause_week: object = None  # date: Monday of the week whose pause is spent


def state_of(row):
    """The rules' view of a stored Streak row (None: no learning yet)."""
    if row is None:
        return StreakState()
    return StreakState(
        current=row.current, best=row.best, last_day=row.last_day, pause_week=row.pause_week
    )


def _missed_days(last_day, day):
    return [last_day + timedelta(days=n) for n in range(1, (day - last_day).days)]


def pauses_cover(missed, pause_week):
    """(covered, pause week then spent): each missed day needs its own week's pause."""
    weeks = [week_of(day) for day in missed]
    if len(set(weeks)) != len(weeks) or (pause_week is not None and pause_week in weeks):
        return False, pause_week
    return True, (max(weeks) if weeks else pause_week)


def after_activity(state, day):
    """The state once ``day`` has learning. A day already counted changes nothing."""
    if state.last_day is not None and day <= state.last_day:
        return state
    if state.last_day is None:
        current, pause_week = 1, state.pause_week
    else:
        covered, pause_week = pauses_cover(_missed_days(state.last_day, day), state.pause_week)
        current = state.current + 1 if covered else 1
    return replace(
        state,
        current=current,
        best=max(state.best, current),
        last_day=day,
        pause_week=pause_week,
    )


def is_alive(state, today):
    """True while learning today would still continue the streak."""
    if state.last_day is None or state.current == 0:
        return False
    if state.last_day >= today - timedelta(days=1):
        return True
    covered, _spent = pauses_cover(_missed_days(state.last_day, today), state.pause_week)
    return covered


def current_length(state, today):
    """The streak as shown today: 0 once it is broken."""
    return state.current if is_alive(state, today) else 0


def pause_left_this_week(state, today):
    """True when this week's pause day is unspent, counting the days already missed
    since the last learning (they will use it as soon as she learns again)."""
    pause_week = state.pause_week
    if state.last_day is not None and state.last_day < today:
        _covered, pause_week = pauses_cover(_missed_days(state.last_day, today), pause_week)
    return pause_week != week_of(today)
