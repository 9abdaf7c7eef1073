"""Points, streak days and weekly goals from the outside, role by role: what earns
points (completions, reviews given) and what does not (views, repeats), the goal form's
refusals, and My learning's query count as a student's history grows."""

from datetime import UTC, datetime

import pytest
from django.test import Client

from enrolment.models import PointsAward, Streak, WeeklyGoal
from enrolment.motivation import services as motivation
from enrolment.services import enrol, mark_complete, submit_quiz

from ..conftest import make_person
from ..course_pages.builders import make_course, make_lesson
from ..query_counts import counted_queries
from .conftest import lesson
from .test_practice_work import classmate, hand_in, lesson_criteria

pytestmark = pytest.mark.django_db

GOAL_REFUSED = "Choose a goal from 1 to 100 lessons a week."


def points_of(user):
    return sum(PointsAward.objects.filter(user=user).values_list("points", flat=True))


def my_learning(client, language="en"):
    return client.get(f"/{language}/learn/", follow=True).content.decode()


def test_student_earns_points_for_a_lesson_done_once_however_often_she_submits(
    client, course_site, enrolled
):
    client.force_login(enrolled)
    done_url = f"/en/learn/lesson/{course_site['reading'].pk}/done/"

    client.post(done_url)
    client.post(done_url)

    assert PointsAward.objects.filter(user=enrolled).count() == 1
    assert points_of(enrolled) == 10
    page = my_learning(client)
    assert "<strong>10</strong> points" in page
    assert "<strong>1</strong> day in a row" in page
    assert "Today counts for your streak." in page


def test_opening_lessons_earns_nothing(client, course_site, enrolled):
    client.force_login(enrolled)

    client.get(course_site["reading"].url)
    client.get(course_site["quiz"].url)

    assert not PointsAward.objects.exists()
    assert not Streak.objects.exists()


def test_completing_a_course_earns_its_points_once(course_site):
    course = make_course(
        course_site["catalogue"], course_site["course"].instructor, title="Court", slug="court"
    )
    only = make_lesson(course, title="Seule leçon", slug="seule")
    student = make_person("court@example.cm", is_student=True)
    enrol(user=student, course=course)

    mark_complete(user=student, lesson=lesson(only))
    mark_complete(user=student, lesson=lesson(only))

    assert sorted(PointsAward.objects.filter(user=student).values_list("source", "points")) == [
        ("course", 50),
        ("lesson", 10),
    ]


def test_a_quiz_or_practice_work_handed_in_keeps_the_streak_but_earns_no_points(
    course_site, enrolled
):
    quiz = lesson(course_site["quiz"])
    first_question = quiz.body[0].value["questions"][0]
    wrong = first_question.value["choices"][1].id
    submit_quiz(
        user=enrolled, lesson=quiz, quiz_id=quiz.body[0].id, answers={first_question.id: [wrong]}
    )
    hand_in(enrolled, course_site)

    streak = Streak.objects.get(user=enrolled)
    assert (streak.current, streak.best) == (1, 1)
    assert not PointsAward.objects.filter(user=enrolled).exists()


def test_a_peer_review_given_earns_points_for_the_reviewer_only(client, course_site, enrolled):
    submission = hand_in(enrolled, course_site)
    reviewer = classmate(course_site, "a@example.cm")
    client.force_login(reviewer)
    url = f"/fr/learn/reviews/{submission.pk}/"
    form = {f"score-{lesson_criteria(submission)}": "5", "comment": "Bien"}

    client.post(url, form)
    again = client.post(url, form)

    assert again.status_code == 404  # reviewed already: no longer in her queue
    assert points_of(reviewer) == 5
    assert points_of(enrolled) == 0


def test_a_course_review_earns_points_once(client, course_site, enrolled):
    mark_complete(user=enrolled, lesson=lesson(course_site["preview"]))
    mark_complete(user=enrolled, lesson=lesson(course_site["reading"]))
    client.force_login(enrolled)
    url = f"/fr/learn/course/{course_site['course'].pk}/review/"

    client.post(url, {"rating": 5, "text": "Super"})
    client.post(url, {"rating": 4, "text": "Encore"})

    assert list(
        PointsAward.objects.filter(user=enrolled, source="course_review").values_list(
            "points", flat=True
        )
    ) == [5]
    assert points_of(enrolled) == 25


def test_a_classmate_does_not_see_another_students_points(client, course_site, enrolled):
    mark_complete(user=enrolled, lesson=lesson(course_site["reading"]))
    other = classmate(course_site, "b@example.cm")
    client.force_login(other)

    page = my_learning(client)

    assert "<strong>0</strong> points" in page


def test_an_instructor_without_courses_to_follow_sees_no_motivation_card(client, course_site):
    client.force_login(course_site["teacher"])

    assert 'class="card motivation"' not in my_learning(client)


def test_student_sets_a_weekly_goal_and_sees_her_progress_in_french(client, course_site, enrolled):
    client.force_login(enrolled)
    mark_complete(user=enrolled, lesson=lesson(course_site["reading"]))

    page = client.post("/fr/learn/goal/", {"lessons": "3"}, follow=True).content.decode()

    assert WeeklyGoal.objects.get(user=enrolled).lessons == 3
    assert "Votre objectif" in page
    assert 'value="33"' in page and "1 sur 3 leçons" in page


def test_changing_the_goal_in_the_same_week_keeps_one_goal(client, course_site, enrolled):
    client.force_login(enrolled)

    client.post("/en/learn/goal/", {"lessons": "3"})
    client.post("/en/learn/goal/", {"lessons": "5"})

    assert list(WeeklyGoal.objects.values_list("lessons", flat=True)) == [5]


@pytest.mark.parametrize("lessons", ["0", "-3", "101", "5000", "abc", "2.5", ""])
def test_a_goal_out_of_range_is_refused_and_changes_nothing(client, course_site, enrolled, lessons):
    client.force_login(enrolled)
    client.post("/en/learn/goal/", {"lessons": "4"})

    page = client.post("/en/learn/goal/", {"lessons": lessons}, follow=True).content.decode()

    assert GOAL_REFUSED in page
    assert list(WeeklyGoal.objects.values_list("lessons", flat=True)) == [4]


def test_a_goal_refusal_reads_in_french(client, course_site, enrolled):
    client.force_login(enrolled)

    page = client.post("/fr/learn/goal/", {"lessons": "0"}, follow=True).content.decode()

    assert "Choisissez un objectif de 1 à 100 leçons par semaine." in page
    assert not WeeklyGoal.objects.exists()


def test_a_visitor_cannot_set_a_goal(client, course_site):
    response = client.post("/fr/learn/goal/", {"lessons": "3"})

    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert client.get("/fr/learn/goal/").status_code in (302, 405)
    assert not WeeklyGoal.objects.exists()


def test_learning_at_2330_and_0030_in_douala_makes_two_days_in_a_row(course_site, enrolled):
    # 23:30 and 00:30 in Douala are both on 1 December in UTC: Douala's days count.
    motivation.record_activity(user_id=enrolled.pk, now=datetime(2026, 12, 1, 22, 30, tzinfo=UTC))
    motivation.record_activity(user_id=enrolled.pk, now=datetime(2026, 12, 1, 23, 30, tzinfo=UTC))

    streak = Streak.objects.get(user=enrolled)
    assert (streak.current, str(streak.last_day)) == (2, "2026-12-02")


def test_two_activities_on_one_utc_evening_before_douala_midnight_are_one_day(enrolled):
    motivation.record_activity(user_id=enrolled.pk, now=datetime(2026, 12, 1, 21, 0, tzinfo=UTC))
    motivation.record_activity(user_id=enrolled.pk, now=datetime(2026, 12, 1, 22, 59, tzinfo=UTC))

    assert Streak.objects.get(user=enrolled).current == 1


def test_my_learning_query_count_does_not_grow_with_points_streak_and_goals(course_site, enrolled):
    client = Client()
    client.force_login(enrolled)
    my_learning(client)
    with counted_queries() as before:
        my_learning(client)
    for lesson_id in range(1000, 1040):
        motivation.award(user_id=enrolled.pk, source="lesson", source_id=lesson_id)
    motivation.record_activity(user_id=enrolled.pk)
    motivation.set_weekly_goal(user=enrolled, lessons=5)
    my_learning(client)  # the site chrome is read again once after a change, then kept

    with counted_queries() as after:
        page = my_learning(client)

    assert "<strong>400</strong>" in page
    assert len(after) == len(before)


def test_kept_figures_follow_a_lesson_done_and_a_goal_set_at_once(client, course_site, enrolled):
    """My learning keeps her streak, points and goal in the cache between visits
    (enrolment/motivation/kept.py): each change shows on the next visit, to her only."""
    client.force_login(enrolled)
    assert "<strong>0</strong> points" in my_learning(client)
    with counted_queries() as again:
        assert "<strong>0</strong> points" in my_learning(client)
    assert not [query for query in again if "enrolment_pointsaward" in query]

    client.post(f"/en/learn/lesson/{course_site['reading'].pk}/done/")
    page = my_learning(client)
    assert "<strong>10</strong> points" in page
    assert "<strong>1</strong> day in a row" in page

    motivation.set_weekly_goal(user=enrolled, lessons=4)
    assert "1 of 4 lessons" in my_learning(client)
    PointsAward.objects.filter(user=enrolled).delete()
    assert "<strong>0</strong> points" in my_learning(client)

    other = classmate(course_site, "b@example.cm")
    motivation.award(user_id=other.pk, source="lesson", source_id=1)
    other_client = Client()
    other_client.force_login(other)
    assert "<strong>10</strong> points" in my_learning(other_client)
    assert "<strong>0</strong> points" in my_learning(client)
