"""Streak rules on plain days (no database): days in a row, the weekly pause day, and
where a day begins in Douala."""

from datetime import UTC, date, datetime

import pytest

from enrolment.motivation import streaks
from enrolment.motivation.calendar import local_day, start_of_week
from enrolment.motivation.streaks import StreakState, after_activity, current_length, is_alive

MONDAY = date(2026, 11, 30)  # an ISO week runs Monday 30 November to Sunday 6 December


def days(*offsets):
    return [date.fromordinal(MONDAY.toordinal() + offset) for offset in offsets]


def learnt_on(*offsets):
    state = StreakState()
    for day in days(*offsets):
        state = after_activity(state, day)
    return state


def test_days_in_a_row_count_once_each():
    state = learnt_on(0, 0, 1, 2, 2)

    assert (state.current, state.best) == (3, 3)


def test_one_missed_day_a_week_is_covered_by_the_pause():
    state = learnt_on(0, 1, 3)  # Wednesday missed

    assert state.current == 3 and state.pause_week == MONDAY


def test_a_second_missed_day_in_the_same_week_ends_the_streak():
    state = learnt_on(0, 2, 4)  # Tuesday covered, Thursday not

    assert (state.current, state.best) == (1, 2)


def test_two_missed_days_in_a_row_in_one_week_end_the_streak():
    assert learnt_on(0, 3).current == 1


def test_missed_sunday_and_monday_use_two_weeks_pauses():
    state = learnt_on(5, 8)  # Saturday, then Sunday and Monday missed, Tuesday

    assert state.current == 2


def test_the_pause_comes_back_the_next_week():
    assert learnt_on(0, 2, 3, 4, 5, 6, 7, 9).current == 8


def test_a_streak_stays_alive_today_until_a_day_is_missed_beyond_the_pause():
    state = learnt_on(0, 1)

    assert is_alive(state, days(2)[0]) and is_alive(state, days(3)[0])
    assert not is_alive(state, days(4)[0])
    assert current_length(state, days(4)[0]) == 0


def test_the_pause_shows_as_spent_once_a_day_is_missed_this_week():
    state = learnt_on(0)

    assert streaks.pause_left_this_week(state, days(1)[0])
    assert not streaks.pause_left_this_week(state, days(2)[0])


@pytest.mark.parametrize(
    ("utc", "douala_day"),
    [
        (datetime(2026, 12, 1, 22, 30, tzinfo=UTC), date(2026, 12, 1)),  # 23:30 in Douala
        (datetime(2026, 12, 1, 23, 30, tzinfo=UTC), date(2026, 12, 2)),  # 00:30 next day
    ],
)
def test_a_day_is_a_day_in_douala_not_in_utc(utc, douala_day):
    assert local_day(utc) == douala_day


def test_the_week_starts_on_monday_midnight_in_douala():
    sunday_night_utc = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)  # Monday 00:30 in Douala

    assert start_of_week(sunday_night_utc).astimezone(UTC) == datetime(
        2026, 11, 29, 23, 0, tzinfo=UTC
    )
