"""A lesson page keeps her own rows (enrolment, lessons done, work and quiz attempts on
it) between openings (enrolment/lesson_rows.py): opening it again reads none of them,
and what she does or what is decided shows on her next opening, to her only (issue 19)."""

import pytest

from enrolment import services

from ..query_counts import counted_queries
from .conftest import signed_in
from .test_practice_work import classmate, hand_in
from .test_progress_and_quizzes import post_quiz, quiz_ids

pytestmark = pytest.mark.django_db

HER_TABLES = (
    "enrolment_enrolment",
    "enrolment_lessonprogress",
    "enrolment_submission",
    "enrolment_quizattempt",
)


def learning(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.context["learning"]


def test_a_lesson_opened_again_reads_none_of_her_rows(course_site, enrolled):
    client = signed_in(enrolled)
    learning(client, course_site["quiz"])
    with counted_queries() as again:
        assert learning(client, course_site["quiz"])["enrolment"].user_id == enrolled.pk
    assert not [sql for sql in again if any(table in sql for table in HER_TABLES)]


def test_a_lesson_marked_done_shows_done_on_the_next_opening_for_her_only(course_site, enrolled):
    other = classmate(course_site, "b@example.cm")
    hers, theirs = signed_in(enrolled), signed_in(other)
    assert learning(hers, course_site["reading"])["can_mark_done"]
    assert learning(theirs, course_site["reading"])["can_mark_done"]

    hers.post(f"/fr/learn/lesson/{course_site['reading'].pk}/done/")
    assert learning(hers, course_site["reading"])["lesson_completed"]
    assert not learning(theirs, course_site["reading"])["lesson_completed"]


def test_a_quiz_attempt_shows_on_the_next_opening(course_site, enrolled):
    client = signed_in(enrolled)
    quiz = course_site["quiz"]
    quiz_id = quiz_ids(quiz)["quiz"]
    before = learning(client, quiz)["quiz_states"][quiz_id]
    assert before["attempts"] == []

    ids = quiz_ids(quiz)
    post_quiz(client, quiz, {"single": [ids["single_wrong"]], "multiple": []})
    after = learning(client, quiz)["quiz_states"][quiz_id]
    assert len(after["attempts"]) == 1
    assert after["attempts_left"] == before["attempts_left"] - 1


def test_practice_work_and_its_verdict_show_on_the_next_opening(course_site, enrolled):
    client = signed_in(enrolled)
    assert learning(client, course_site["work"])["submissions_by_assignment"] == {}
    submission = hand_in(enrolled, course_site)
    shown = learning(client, course_site["work"])["submissions_by_assignment"]
    assert [s.pk for s in shown.values()] == [submission.pk]

    teacher = signed_in(course_site["teacher"])
    teacher.post(f"/fr/teach/work/{submission.pk}/", {"verdict": "retry", "comment": "Encore"})
    shown = learning(client, course_site["work"])["submissions_by_assignment"]
    assert [(s.status, s.verdict_comment) for s in shown.values()] == [("needs_work", "Encore")]


def test_a_revoked_access_locks_the_lesson_at_once(course_site, enrolled):
    client = signed_in(enrolled)
    learning(client, course_site["reading"])
    services.revoke(user=enrolled, course=course_site["course"])
    assert client.get(course_site["reading"].url).status_code == 403
    services.enrol(user=enrolled, course=course_site["course"])
    assert learning(client, course_site["reading"])["enrolment"] is not None
