"""What a student sees of her quiz attempts, and empty submissions refused."""

import pytest

from enrolment.models import QuizAttempt

from .conftest import lesson
from .test_progress_and_quizzes import post_quiz, quiz_ids


@pytest.mark.django_db
def test_an_empty_quiz_submission_is_refused_and_uses_no_attempt(client, course_site, enrolled):
    client.force_login(enrolled)
    page = course_site["quiz"]

    response = client.post(
        f"/fr/learn/lesson/{page.pk}/quiz/{quiz_ids(page)['quiz']}/", follow=True
    )

    html = response.content.decode()
    assert "Choisissez au moins une réponse avant de vérifier." in html
    assert not QuizAttempt.objects.exists()
    assert "2 tentatives restantes aujourd'hui." in html


@pytest.mark.django_db
def test_lesson_shows_attempts_left_and_the_attempt_history(client, course_site, enrolled):
    client.force_login(enrolled)
    ids = quiz_ids(lesson(course_site["quiz"]))
    post_quiz(client, course_site["quiz"], {"single": [ids["single_wrong"]]})

    html = client.get(course_site["quiz"].url).content.decode()

    assert "1 tentative restante aujourd'hui." in html
    assert "Mes tentatives" in html and "— 0 %" in html
    assert "Quiz réussi." not in html


@pytest.mark.django_db
def test_lesson_says_passed_once_the_quiz_is_passed(client, course_site, enrolled):
    client.force_login(enrolled)
    ids = quiz_ids(lesson(course_site["quiz"]))
    post_quiz(
        client,
        course_site["quiz"],
        {"single": [ids["single_right"]], "multiple": ids["multiple_right"]},
    )

    html = client.get(course_site["quiz"].url).content.decode()

    assert "Quiz réussi." in html
    assert "réussi" in html.split("Mes tentatives")[1]


@pytest.mark.django_db
def test_no_attempt_left_is_said_before_the_form_and_the_form_is_gone(
    client, course_site, enrolled
):
    client.force_login(enrolled)
    ids = quiz_ids(lesson(course_site["quiz"]))
    for _ in range(2):
        post_quiz(client, course_site["quiz"], {"single": [ids["single_wrong"]]})

    html = client.get(course_site["quiz"].url).content.decode()

    assert "Vous n'avez plus de tentative aujourd'hui." in html
    assert f"/quiz/{ids['quiz']}/" not in html
    assert QuizAttempt.objects.count() == 2


@pytest.mark.django_db
def test_multiple_answer_questions_say_several_answers_are_possible(client, course_site, enrolled):
    client.force_login(enrolled)

    html = client.get(course_site["quiz"].url).content.decode()

    single, multiple = html.split("Quels outils pour estomper ?")
    assert "plusieurs réponses possibles" not in single.split("Quelle base")[1]
    assert "plusieurs réponses possibles" in multiple.split("</legend>")[0]


@pytest.mark.django_db
def test_the_result_page_says_how_many_attempts_are_left_today(client, course_site, enrolled):
    client.force_login(enrolled)
    ids = quiz_ids(lesson(course_site["quiz"]))

    first = post_quiz(client, course_site["quiz"], {"single": [ids["single_wrong"]]})
    second = post_quiz(client, course_site["quiz"], {"single": [ids["single_wrong"]]})

    assert "1 tentative restante aujourd'hui." in first.content.decode()
    html = second.content.decode()
    assert "Vous n'avez plus de tentative aujourd'hui." in html
    assert "tentative restante" not in html
    assert QuizAttempt.objects.count() == 2
