"""The final exam through the API, as a phone app uses it: the rules and status of
an enrolment's exam, starting (questions without their answers), handing in (graded on
the server) and the list of one's attempts; the page's refusals as problem documents
in the caller's language, and a refusal stores nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from enrolment import services
from enrolment.models import ExamAttempt

from ..enrolment import exam_kit
from ..enrolment.exam_kit import answer_key, finish_lessons, graduate, wrong_answers
from .conftest import app_client, assert_problem

exam_site = exam_kit.exam_site  # the fixture

pytestmark = pytest.mark.django_db


def ready(site, email="nadia@example.cm"):
    student = graduate(email)
    return student, finish_lessons(student, site)


def client_for(student, language="fr"):
    client = app_client(student.email)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return client


def status_url(enrolment):
    return f"/api/v1/me/enrolments/{enrolment.pk}/exam/"


def start_url(enrolment):
    return f"/api/v1/me/enrolments/{enrolment.pk}/exam/attempts/"


def answers_url(attempt_id):
    return f"/api/v1/me/exam-attempts/{attempt_id}/answers/"


def hand_in(client, attempt_id, answers):
    return client.post(
        answers_url(attempt_id), {"answers": answers}, content_type="application/json"
    )


def drawn(sitting, key):
    return {q["id"]: key[q["id"]] for q in sitting["questions"]}


def stored():
    return list(
        ExamAttempt.objects.order_by("pk").values_list("status", "score_percent", "answers")
    )


@pytest.mark.parametrize(
    ("language", "instructions"),
    [("fr", "Répondez seule, sans vos notes."), ("en", "Answer alone, without your notes.")],
)
def test_the_status_gives_the_rules_in_the_callers_language(exam_site, language, instructions):
    student, enrolment = ready(exam_site)

    body = client_for(student, language).get(status_url(enrolment)).json()

    assert body["instructions"] == instructions
    assert (body["questions_drawn"], body["time_limit_minutes"], body["pass_mark"]) == (3, 10, 60)
    assert body["can_start"] is True and body["lessons_done"] is True
    assert body["next_attempt_at"] is None and body["current_attempt"] is None
    assert body["outcome"]["passed"] is False


@pytest.mark.parametrize("language", ["fr", "en"])
def test_starting_gives_the_questions_without_their_answers(exam_site, language):
    student, enrolment = ready(exam_site)
    client = client_for(student, language)

    response = client.post(start_url(enrolment))
    again = client.post(start_url(enrolment))

    assert response.status_code == 200
    sitting = response.json()
    assert len(sitting["questions"]) == 3 and again.json()["id"] == sitting["id"]
    assert ExamAttempt.objects.count() == 1
    texts = " ".join(q["text"] for q in sitting["questions"])
    english = any(word in texts for word in ("Which", "When", "The skin"))
    assert english is (language == "en")
    raw = response.content.decode()
    assert "correct" not in raw and "is_true" not in raw and "explanation" not in raw
    attempt = ExamAttempt.objects.get()
    assert [q["id"] for q in sitting["questions"]] == attempt.question_ids
    status = client.get(status_url(enrolment)).json()
    assert status["current_attempt"]["id"] == attempt.pk


def test_right_answers_pass_and_my_attempts_list_them(exam_site):
    student, enrolment = ready(exam_site)
    client = client_for(student)
    sitting = client.post(start_url(enrolment)).json()

    result = hand_in(client, sitting["id"], drawn(sitting, answer_key(exam_site)))
    mine = client.get("/api/v1/me/exam-attempts/")

    assert result.status_code == 200, result.content
    body = result.json()
    assert (body["status"], body["score_percent"]) == ("passed", 100)
    # Exam 100 %, practical 4/5 = 80 %: combined 90 %, a distinction.
    assert (body["outcome"]["score"], body["outcome"]["grade"]) == (90, "distinction")
    assert body["outcome"]["grade_label"] == "Très bien"
    listed = mine.json()["results"]
    assert [a["id"] for a in listed] == [sitting["id"]]
    assert listed[0]["course"]["title"] == "Teint parfait"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Vous pouvez passer cet examen une fois toutes les 24 heures."),
        ("en", "You can take this exam once every 24 hours."),
    ],
)
def test_a_second_attempt_within_24_hours_is_refused(exam_site, language, message):
    student, enrolment = ready(exam_site)
    client = client_for(student, language)
    sitting = client.post(start_url(enrolment)).json()
    hand_in(client, sitting["id"], drawn(sitting, wrong_answers(exam_site)))
    before = stored()

    body = assert_problem(client.post(start_url(enrolment)), 403)
    status = client.get(status_url(enrolment)).json()

    assert message in body["detail"]
    assert stored() == before
    assert status["can_start"] is False and status["next_attempt_at"]


@pytest.mark.parametrize(
    ("language", "message"),
    [("fr", "Le temps était écoulé\u00a0:"), ("en", "Time was up:")],
)
def test_answers_after_the_deadline_are_refused_and_not_graded(exam_site, language, message):
    student, enrolment = ready(exam_site)
    client = client_for(student, language)
    sitting = client.post(start_url(enrolment)).json()
    ExamAttempt.objects.update(deadline=timezone.now() - timedelta(seconds=31))

    body = assert_problem(
        hand_in(client, sitting["id"], drawn(sitting, answer_key(exam_site))), 403
    )

    assert message in body["detail"]
    assert stored() == [("expired", None, {})]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Certaines réponses ne correspondent pas aux questions"),
        ("en", "Some answers are not for the questions you were given."),
    ],
)
def test_answers_to_questions_not_drawn_are_refused(exam_site, language, message):
    student, enrolment = ready(exam_site)
    client = client_for(student, language)
    sitting = client.post(start_url(enrolment)).json()
    answers = drawn(sitting, answer_key(exam_site))
    answers["0000-forged-id"] = ["true"]

    body = assert_problem(hand_in(client, sitting["id"], answers), 400)

    assert message in body["errors"]["answers"][0]
    assert stored() == [("open", None, {})]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Terminez toutes les leçons de la formation avant son évaluation finale."),
        ("en", "Finish every lesson of the course before its final assessment."),
    ],
)
def test_the_exam_waits_until_every_lesson_is_done(exam_site, language, message):
    student = graduate("early@example.cm")
    enrolment, _created = services.enrol(user=student, course=exam_site["course"])
    client = client_for(student, language)

    body = assert_problem(client.post(start_url(enrolment)), 403)
    status = client.get(status_url(enrolment)).json()

    assert body["detail"] == message
    assert status["can_start"] is False and status["lessons_done"] is False
    assert not ExamAttempt.objects.exists()


@pytest.mark.parametrize(
    ("language", "message"), [("fr", "Inscrivez-vous"), ("en", "Enrol in this course first.")]
)
def test_someone_elses_enrolment_is_not_found(exam_site, language, message):
    _student, enrolment = ready(exam_site)
    stranger = graduate("stranger@example.cm")
    client = client_for(stranger, language)

    for response in (client.get(status_url(enrolment)), client.post(start_url(enrolment))):
        assert message in assert_problem(response, 404)["detail"]
    assert not ExamAttempt.objects.exists()


def test_someone_elses_attempt_is_not_found(exam_site):
    student, enrolment = ready(exam_site)
    sitting = client_for(student).post(start_url(enrolment)).json()
    intruder, _enrolment = ready(exam_site, "intruder@example.cm")
    client = client_for(intruder)

    body = assert_problem(
        hand_in(client, sitting["id"], drawn(sitting, answer_key(exam_site))), 404
    )
    listed = client.get("/api/v1/me/exam-attempts/").json()["results"]

    assert body["detail"] == "Cette tentative d'examen n'est pas la vôtre."
    assert stored() == [("open", None, {})]
    assert listed == []


def test_anonymous_callers_are_asked_to_sign_in(client, exam_site):
    _student, enrolment = ready(exam_site)

    for response in (
        client.get(status_url(enrolment)),
        client.post(start_url(enrolment)),
        client.get("/api/v1/me/exam-attempts/"),
    ):
        assert_problem(response, 401)
    assert not ExamAttempt.objects.exists()
