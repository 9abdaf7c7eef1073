"""The daily rollup: its numbers are the raw counts, and a re-run changes nothing."""

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from analytics import rollups, selectors
from analytics.models import CourseDay, Event, LearnerActivity, LessonDay, QuizMissDay, VideoDay

pytestmark = pytest.mark.django_db
K = Event.Kind
DAY = date(2026, 11, 10)
COURSE, OTHER, LESSON_1, LESSON_2 = 10, 20, 11, 12


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def event(kind, *, user=None, course=COURSE, lesson=None, when, **props):
    return Event.objects.create(
        kind=kind, user_id=user, course_id=course, lesson_id=lesson, props=props, occurred_at=when
    )


@pytest.fixture
def a_day_of_events():
    before = DAY - timedelta(days=3)
    # Student 1 started the course three days earlier; student 2 starts today.
    event(K.LESSON_OPENED, user=1, lesson=LESSON_1, when=at(before, 9))
    for hour in (8, 9, 10):
        event(K.COURSE_VIEW, when=at(DAY, hour))
    event(K.COURSE_VIEW, course=OTHER, when=at(DAY, 8))
    event(K.ENROLLED, user=2, when=at(DAY, 10, 5))
    event(K.LESSON_OPENED, user=2, lesson=LESSON_1, when=at(DAY, 10, 10))
    event(K.LESSON_OPENED, user=2, lesson=LESSON_1, when=at(DAY, 11))
    event(K.LESSON_DONE, user=2, lesson=LESSON_1, when=at(DAY, 10, 40))
    event(K.LESSON_OPENED, user=1, lesson=LESSON_2, when=at(DAY, 12))
    event(K.LESSON_DONE, user=1, lesson=LESSON_1, when=at(DAY, 12, 5))
    event(K.COURSE_COMPLETED, user=1, when=at(DAY, 12, 6))
    event(K.CERTIFICATE_ISSUED, user=1, when=at(DAY, 12, 7))
    for user, quartile in ((1, 25), (1, 50), (2, 25), (2, 25)):
        event(K.VIDEO_PROGRESS, user=user, lesson=LESSON_1, when=at(DAY, 13), quartile=quartile)
    for chosen in (["b"], ["b"], ["c"]):
        event(
            K.QUIZ_MISS,
            user=2,
            lesson=LESSON_2,
            when=at(DAY, 14),
            quiz="q",
            question="x",
            chosen=chosen,
        )
    # The next day, late at night in Douala: not this day's.
    event(K.COURSE_VIEW, when=at(DAY + timedelta(days=1), 0, 30))


def snapshot():
    return [
        sorted(model.objects.values_list(*fields))
        for model, fields in (
            (
                CourseDay,
                (
                    "course_id",
                    "day",
                    "views",
                    "enrolments",
                    "first_lessons",
                    "completions",
                    "certificates",
                ),
            ),
            (LessonDay, ("lesson_id", "day", "reached", "done")),
            (VideoDay, ("lesson_id", "q25", "q50", "q75", "q100")),
            (QuizMissDay, ("question_id", "misses")),
            (LearnerActivity, ("course_id", "user_id", "last_active_at")),
        )
    ]


def test_a_day_rolls_up_to_the_raw_counts(a_day_of_events):
    rollups.roll_up(DAY)
    course = CourseDay.objects.get(course_id=COURSE, day=DAY)
    assert (course.views, course.enrolments, course.first_lessons) == (3, 1, 1)
    assert (course.completions, course.certificates) == (1, 1)
    assert CourseDay.objects.get(course_id=OTHER).views == 1
    first = LessonDay.objects.get(lesson_id=LESSON_1, day=DAY)
    # Student 1 reached lesson 1 days ago: only student 2 reaches it today; both finish.
    assert (first.reached, first.done) == (1, 2)
    assert LessonDay.objects.get(lesson_id=LESSON_2).reached == 1
    video = VideoDay.objects.get(lesson_id=LESSON_1)
    assert (video.q25, video.q50, video.q75, video.q100) == (2, 1, 0, 0)
    missed = QuizMissDay.objects.get(question_id="x")
    assert (missed.misses, missed.wrong_choices) == (3, {"b": 2, "c": 1})


def test_the_median_time_goes_from_first_opening_to_done(a_day_of_events):
    rollups.roll_up(DAY)
    # Student 2: 30 minutes; student 1: three days (counted in the last bucket).
    assert LessonDay.objects.get(lesson_id=LESSON_1).minutes == {"30": 1, "600": 1}
    assert selectors.median_minutes({30: 1, 600: 1}) == 30
    assert selectors.median_minutes({5: 1, 10: 1, 40: 1}) == 10
    assert selectors.median_minutes({}) is None


def test_a_re_run_changes_nothing(a_day_of_events):
    earlier = DAY - timedelta(days=3)
    rollups.roll_up(earlier)
    rollups.roll_up(DAY)
    once = snapshot()
    rollups.roll_up(DAY)
    rollups.roll_up(earlier)
    rollups.roll_up(DAY)
    assert snapshot() == once


def test_the_last_activity_only_moves_forward(a_day_of_events):
    rollups.roll_up(DAY)
    rollups.roll_up(DAY - timedelta(days=3))
    assert LearnerActivity.objects.get(user_id=1).last_active_at == at(DAY, 13)


def test_the_most_missed_question_names_its_most_chosen_wrong_answer(a_day_of_events):
    rollups.roll_up(DAY)
    [missed] = selectors.most_missed(course_ids=[COURSE], since=DAY)
    assert (missed.question_id, missed.misses, missed.wrong_choice_id) == ("x", 3, "b")
