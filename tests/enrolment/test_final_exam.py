"""The final exam, role by role: a student who finished the lessons draws questions,
answers in time and passes; everyone else is refused with a clear message, and a
refusal stores nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from enrolment.models import ExamAttempt

from ..conftest import make_person
from . import exam_kit
from .exam_kit import (
    answer_key,
    exam_url,
    finish_lessons,
    graduate,
    post_answers,
    wrong_answers,
)

exam_site = exam_kit.exam_site  # the fixture


def start(client, site, language="fr"):
    return client.post(exam_url(site, "start/", language))


def drawn(attempt, answers):
    return {qid: answers[qid] for qid in attempt.question_ids}


@pytest.fixture
def ready(exam_site):
    """A student who finished every lesson; her practice work was graded 4/5."""
    student = graduate()
    finish_lessons(student, exam_site)
    return student


@pytest.mark.django_db
def test_starting_draws_questions_from_the_bank_and_fixes_the_deadline(client, exam_site, ready):
    client.force_login(ready)

    response = start(client, exam_site)

    attempt = ExamAttempt.objects.get()
    assert response.status_code == 302
    assert len(attempt.question_ids) == 3
    assert set(attempt.question_ids) <= set(answer_key(exam_site))
    assert attempt.deadline - attempt.started_at == timedelta(minutes=10)
    html = client.get(exam_url(exam_site)).content.decode()
    assert html.count("<fieldset>") == 3
    assert "À remettre avant" in html and "Remettre mes réponses" in html


@pytest.mark.django_db
def test_starting_again_resumes_the_same_attempt(client, exam_site, ready):
    client.force_login(ready)
    start(client, exam_site)
    first = ExamAttempt.objects.get()

    start(client, exam_site)

    assert list(ExamAttempt.objects.values_list("pk", "question_ids")) == [
        (first.pk, first.question_ids)
    ]


@pytest.mark.django_db
def test_the_english_page_shows_the_questions_in_english(client, exam_site, ready):
    client.force_login(ready)
    start(client, exam_site, "en")

    html = client.get(exam_url(exam_site, language="en")).content.decode()

    assert "Hand in my answers" in html
    assert "Which " in html or "When " in html or "The skin" in html
    assert "Quelle base" not in html and "Quand fixer" not in html


@pytest.mark.django_db
def test_the_english_rules_page_shows_the_english_instructions(client, exam_site, ready):
    client.force_login(ready)

    html = client.get(exam_url(exam_site, language="en")).content.decode()

    assert "Answer alone, without your notes." in html
    assert "Répondez seule" not in html


@pytest.mark.django_db
def test_right_answers_in_time_pass_the_exam(client, exam_site, ready):
    client.force_login(ready)
    start(client, exam_site)
    attempt = ExamAttempt.objects.get()

    response = post_answers(client, exam_site, attempt, drawn(attempt, answer_key(exam_site)))

    attempt.refresh_from_db()
    assert response.status_code == 302
    assert (attempt.status, attempt.score_percent) == (ExamAttempt.Status.PASSED, 100)
    html = client.get(response.url).content.decode()
    assert "Examen réussi avec 100\u00a0%. Bravo\u00a0!" in html
    # Exam 100 %, practical 4/5 = 80 %: combined 90 %, a distinction.
    assert "Évaluation réussie\u00a0: 90\u00a0%." in html and "Très bien" in html


@pytest.mark.django_db
def test_a_failed_exam_waits_24_hours_for_the_next_attempt(client, exam_site, ready):
    client.force_login(ready)
    start(client, exam_site)
    attempt = ExamAttempt.objects.get()
    post_answers(client, exam_site, attempt, drawn(attempt, wrong_answers(exam_site)))

    response = start(client, exam_site)

    assert response.status_code == 403
    assert (
        "Vous pouvez passer cet examen une fois toutes les 24 heures." in response.content.decode()
    )
    assert ExamAttempt.objects.count() == 1
    ExamAttempt.objects.update(started_at=timezone.now() - timedelta(hours=24, minutes=1))
    assert start(client, exam_site).status_code == 302
    assert ExamAttempt.objects.count() == 2


@pytest.mark.django_db
def test_a_second_attempt_within_24_hours_is_refused_in_english(client, exam_site, ready):
    client.force_login(ready)
    start(client, exam_site)
    attempt = ExamAttempt.objects.get()
    post_answers(client, exam_site, attempt, drawn(attempt, wrong_answers(exam_site)))

    response = start(client, exam_site, "en")

    assert response.status_code == 403
    assert "You can take this exam once every 24 hours." in response.content.decode()
    assert ExamAttempt.objects.count() == 1


@pytest.mark.django_db
def test_answers_after_the_deadline_are_refused_and_kept_as_expired(client, exam_site, ready):
    client.force_login(ready)
    start(client, exam_site)
    attempt = ExamAttempt.objects.get()
    ExamAttempt.objects.update(deadline=timezone.now() - timedelta(seconds=31))

    response = post_answers(client, exam_site, attempt, drawn(attempt, answer_key(exam_site)))

    attempt.refresh_from_db()
    assert response.status_code == 403
    assert "Le temps était écoulé\u00a0:" in response.content.decode()
    assert (attempt.status, attempt.score_percent, attempt.answers) == (
        ExamAttempt.Status.EXPIRED,
        None,
        {},
    )
    assert not ready.certificates.exists()


@pytest.mark.django_db
def test_answers_within_the_grace_after_the_deadline_still_count(client, exam_site, ready):
    client.force_login(ready)
    start(client, exam_site)
    attempt = ExamAttempt.objects.get()
    ExamAttempt.objects.update(deadline=timezone.now() - timedelta(seconds=20))

    post_answers(client, exam_site, attempt, drawn(attempt, answer_key(exam_site)))

    attempt.refresh_from_db()
    assert attempt.status == ExamAttempt.Status.PASSED


@pytest.mark.django_db
@pytest.mark.parametrize("forged", ["not-in-draw", "tampered"])
def test_answers_to_questions_not_drawn_are_refused_and_change_nothing(
    client, exam_site, ready, forged
):
    client.force_login(ready)
    start(client, exam_site)
    attempt = ExamAttempt.objects.get()
    answers = drawn(attempt, answer_key(exam_site))
    if forged == "not-in-draw":
        other = next(q for q in answer_key(exam_site) if q not in attempt.question_ids)
        answers[other] = answer_key(exam_site)[other]
    else:
        answers["0000-forged-id"] = ["true"]

    response = post_answers(client, exam_site, attempt, answers)

    attempt.refresh_from_db()
    assert response.status_code == 403
    assert "Certaines réponses ne correspondent pas aux questions" in response.content.decode()
    assert (attempt.status, attempt.answers, attempt.score_percent) == ("open", {}, None)


@pytest.mark.django_db
def test_a_choice_not_offered_is_refused_and_changes_nothing(client, exam_site, ready):
    client.force_login(ready)
    start(client, exam_site)
    attempt = ExamAttempt.objects.get()
    answers = {qid: ["forged-choice"] for qid in attempt.question_ids}

    response = post_answers(client, exam_site, attempt, answers)

    attempt.refresh_from_db()
    assert response.status_code == 403
    assert attempt.status == ExamAttempt.Status.OPEN and attempt.answers == {}


@pytest.mark.django_db
def test_the_exam_waits_until_every_lesson_is_done(client, exam_site):
    from enrolment import services

    student = graduate("early@example.cm")
    services.enrol(user=student, course=exam_site["course"])
    client.force_login(student)

    response = start(client, exam_site)

    assert response.status_code == 403
    assert "Terminez toutes les leçons de la formation avant son évaluation finale." in (
        response.content.decode()
    )
    assert not ExamAttempt.objects.exists()


@pytest.mark.django_db
def test_someone_not_enrolled_gets_404_and_nothing_is_stored(client, exam_site):
    client.force_login(make_person("stranger@example.cm"))

    page = client.get(exam_url(exam_site))
    started = start(client, exam_site)

    assert page.status_code == 404
    assert "Inscrivez-vous" in page.content.decode()
    assert started.status_code == 404
    assert "Inscrivez-vous" in started.content.decode()
    assert not ExamAttempt.objects.exists()


@pytest.mark.django_db
def test_another_students_attempt_cannot_be_handed_in(client, exam_site, ready):
    client.force_login(ready)
    start(client, exam_site)
    attempt = ExamAttempt.objects.get()
    intruder = graduate("intruder@example.cm")
    finish_lessons(intruder, exam_site)
    client.force_login(intruder)

    response = post_answers(client, exam_site, attempt, drawn(attempt, answer_key(exam_site)))

    attempt.refresh_from_db()
    assert response.status_code == 404
    assert attempt.status == ExamAttempt.Status.OPEN and attempt.answers == {}


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, exam_site):
    response = client.get(exam_url(exam_site))

    assert response.status_code == 302 and "login" in response.url


def handed_in_work(site, email):
    from enrolment import services

    from .conftest import lesson, photo_upload

    student = graduate(email)
    services.enrol(user=student, course=site["course"])
    work = lesson(site["work"])
    submission = services.submit_assignment(
        user=student,
        lesson=work,
        assignment_id=work.body[0].id,
        note="",
        uploads=[photo_upload()],
    )
    return submission, work.body[0].value["rubric"][0].id


@pytest.mark.django_db
def test_the_instructor_must_grade_assessed_practical_work_on_the_rubric(client, exam_site):
    submission, _criterion = handed_in_work(exam_site, "amina@example.cm")
    client.force_login(exam_site["teacher"])

    response = client.post(
        f"/fr/teach/work/{submission.pk}/", {"verdict": "accept", "comment": "Bien."}
    )

    submission.refresh_from_db()
    assert response.status_code == 200
    assert "Donnez à chaque critère une note de 1 à 5." in response.content.decode()
    assert (submission.status, submission.verdict_scores) == ("peers", {})


@pytest.mark.django_db
def test_the_instructor_grades_practical_work_on_the_rubric_from_the_review_page(client, exam_site):
    submission, criterion = handed_in_work(exam_site, "amina@example.cm")
    client.force_login(exam_site["teacher"])

    page = client.get(f"/fr/teach/work/{submission.pk}/").content.decode()
    response = client.post(
        f"/fr/teach/work/{submission.pk}/",
        {"verdict": "accept", "comment": "Bien.", f"score-{criterion}": "5"},
    )

    submission.refresh_from_db()
    assert "Note selon la grille" in page and f'name="score-{criterion}"' in page
    assert response.status_code == 302
    assert (submission.status, submission.verdict_scores) == ("accepted", {criterion: 5})
