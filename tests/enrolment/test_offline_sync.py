"""The queue of learning actions sent by a phone that was offline: each applied at most
once per person and key, graded by the server with the daily rules, refused with a
reason when access is gone, and a bad action never stops the others."""

import json
import threading
import uuid

import pytest
from django.db import IntegrityError, connection, transaction

from certificates.models import Certificate
from enrolment import services
from enrolment.models import Enrolment, LessonProgress, OfflineAction, QuizAttempt

from ..conftest import make_person
from .conftest import lesson
from .test_progress_and_quizzes import quiz_ids

SYNC = "/fr/learn/offline/sync/"
NBSP = "\u00a0"


def send(client, actions):
    return client.post(SYNC, json.dumps({"actions": actions}), content_type="application/json")


def done(page, key=None):
    return {
        "idempotency_key": key or str(uuid.uuid4()),
        "kind": "lesson_done",
        "lesson": page.pk,
        "done_at": "2026-03-02T08:15:00+01:00",
    }


def quiz_answer(page, *, right=True, key=None):
    ids = quiz_ids(lesson(page))
    answers = (
        {ids["single"]: [ids["single_right"]], ids["multiple"]: ids["multiple_right"]}
        if right
        else {ids["single"]: [ids["single_wrong"]]}
    )
    return {
        "idempotency_key": key or str(uuid.uuid4()),
        "kind": "quiz_answer",
        "lesson": page.pk,
        "quiz": ids["quiz"],
        "answers": answers,
    }


def progress_count():
    return LessonProgress.objects.count()


@pytest.mark.django_db
def test_a_lesson_marked_done_offline_is_recorded_and_the_student_told(
    client, course_site, enrolled
):
    client.force_login(enrolled)

    response = send(client, [done(course_site["reading"])])

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    [result] = response.json()["results"]
    assert result["status"] == "applied"
    assert result["message"] == f"Envoyé{NBSP}: la leçon est marquée comme terminée."
    assert LessonProgress.objects.filter(
        enrolment__user=enrolled, lesson=course_site["reading"]
    ).exists()


@pytest.mark.django_db
def test_replaying_the_batch_ten_times_counts_once(client, course_site, enrolled):
    client.force_login(enrolled)
    batch = [done(course_site["reading"]), quiz_answer(course_site["quiz"], right=False)]

    answers = [send(client, batch).json()["results"] for _ in range(10)]

    assert progress_count() == 1
    assert QuizAttempt.objects.count() == 1
    assert OfflineAction.objects.count() == 2
    assert [result["replayed"] for result in answers[0]] == [False, False]
    assert all(result["replayed"] for later in answers[1:] for result in later)
    # A replay tells the first answer again, the score included.
    assert {json.dumps(later, sort_keys=True) for later in answers[1:]} == {
        json.dumps([dict(result, replayed=True) for result in answers[0]], sort_keys=True)
    }


@pytest.mark.django_db
def test_quiz_answered_offline_is_graded_by_the_server(client, course_site, enrolled):
    client.force_login(enrolled)

    [result] = send(client, [quiz_answer(course_site["quiz"])]).json()["results"]

    assert result["status"] == "applied"
    assert result["result"] == {"score": 100, "passed": True, "attempts_left": 1}
    assert result["message"] == f"Envoyé{NBSP}: quiz réussi avec 100 %."
    assert LessonProgress.objects.filter(lesson=course_site["quiz"]).exists()


@pytest.mark.django_db
def test_quiz_answers_sent_late_follow_the_daily_attempt_rule(client, course_site, enrolled):
    client.force_login(enrolled)
    wrong = [quiz_answer(course_site["quiz"], right=False) for _ in range(3)]

    results = send(client, wrong).json()["results"]

    assert [r["status"] for r in results] == ["applied", "applied", "refused"]
    assert results[2]["message"] == (
        "Vous avez utilisé vos 2 tentatives du jour. Réessayez demain."
    )
    assert QuizAttempt.objects.count() == 2


@pytest.mark.django_db
def test_a_tampered_quiz_answer_is_refused_with_its_reason_and_the_others_applied(
    client, course_site, enrolled
):
    client.force_login(enrolled)
    tampered = quiz_answer(course_site["quiz"])
    tampered["answers"] = {"not-a-question": ["x"]}
    tampered_types = quiz_answer(course_site["quiz"])
    tampered_types["answers"] = {"q": "everything"}

    results = send(
        client,
        [tampered, tampered_types, {"kind": "lesson_done"}, "junk", done(course_site["reading"])],
    ).json()["results"]

    assert [r["status"] for r in results] == ["refused", "invalid", "invalid", "invalid", "applied"]
    assert results[0]["message"] == (
        "Certaines réponses n'appartiennent pas à ce quiz. Rechargez la page."
    )
    assert results[1]["message"] == (
        "Ces réponses au quiz n'ont pas pu être lues, elles n'ont donc pas été enregistrées."
    )
    assert results[2]["message"] == (
        "Cette action n'a pas de clé valide, elle n'a donc pas été enregistrée."
    )
    assert not QuizAttempt.objects.exists()
    assert progress_count() == 1


@pytest.mark.parametrize(
    "change, message",
    [
        ({"kind": "delete_everything"}, "Ce type d'action est inconnu"),
        ({"lesson": "12"}, "Cette action ne nomme aucune leçon"),
        ({"done_at": "yesterday"}, "Cette action a une date illisible"),
        ({"done_at": "2026-13-45T99:00:00"}, "Cette action a une date illisible"),
    ],
)
@pytest.mark.django_db
def test_malformed_actions_are_refused_clearly_and_change_nothing(
    client, course_site, enrolled, change, message
):
    client.force_login(enrolled)

    [result] = send(client, [dict(done(course_site["reading"]), **change)]).json()["results"]

    assert result["status"] == "invalid"
    assert result["message"].startswith(message)
    assert not OfflineAction.objects.exists()
    assert progress_count() == 0


@pytest.mark.django_db
def test_a_lesson_no_longer_open_to_her_is_refused_and_she_is_told(client, course_site, enrolled):
    client.force_login(enrolled)
    services.revoke(user=enrolled, course=course_site["course"])

    [result] = send(client, [done(course_site["reading"])]).json()["results"]

    assert result["status"] == "refused"
    assert result["message"] == (
        "Vous n'avez plus accès à cette leçon, ceci n'a donc pas été enregistré."
    )
    assert progress_count() == 0


@pytest.mark.django_db
def test_another_students_key_is_hers_alone(client, course_site, enrolled):
    classmate = make_person("awa@example.cm", is_student=True)
    services.enrol(user=classmate, course=course_site["course"])
    key = str(uuid.uuid4())
    client.force_login(enrolled)
    send(client, [done(course_site["reading"], key=key)])
    client.force_login(classmate)

    [result] = send(client, [done(course_site["reading"], key=key)]).json()["results"]

    assert result["status"] == "applied" and result["replayed"] is False
    assert progress_count() == 2


@pytest.mark.parametrize(
    "body, status, message",
    [
        ("not json", 400, "Rien à envoyer"),
        (json.dumps({"actions": []}), 400, "Rien à envoyer"),
        (json.dumps({"actions": [{}] * 51}), 400, "Envoyez au plus 50 actions à la fois."),
        (json.dumps({"actions": ["x" * 70_000]}), 413, "Trop de choses à envoyer"),
    ],
)
@pytest.mark.django_db
def test_an_unreadable_batch_is_refused_as_a_whole(
    client, course_site, enrolled, body, status, message
):
    client.force_login(enrolled)

    response = client.post(SYNC, body, content_type="application/json")

    assert response.status_code == status
    assert response.json()["error"].startswith(message)
    assert not OfflineAction.objects.exists()


@pytest.mark.django_db
def test_a_visitor_is_asked_to_log_in_not_sent_a_login_page(client, course_site):
    response = send(client, [done(course_site["reading"])])

    assert response.status_code == 401
    assert (
        response.json()["error"]
        == "Reconnectez-vous pour envoyer ce que vous avez fait hors ligne."
    )


@pytest.mark.django_db
def test_the_last_lesson_done_offline_brings_the_certificate(
    client, course_site, enrolled, django_capture_on_commit_callbacks
):
    course_site["work"].is_required = False
    course_site["work"].save(update_fields=["is_required"])
    client.force_login(enrolled)

    with django_capture_on_commit_callbacks(execute=True):
        results = send(
            client,
            [
                done(course_site["preview"]),
                done(course_site["reading"]),
                quiz_answer(course_site["quiz"]),
            ],
        ).json()["results"]

    assert [r["status"] for r in results] == ["applied"] * 3
    assert Enrolment.objects.get(user=enrolled).status == Enrolment.Status.COMPLETED
    assert Certificate.objects.filter(user=enrolled).count() == 1


@pytest.mark.django_db
def test_the_database_keeps_one_action_per_person_and_key(course_site, enrolled):
    key = uuid.uuid4()
    fields = {
        "user": enrolled,
        "idempotency_key": key,
        "kind": "lesson_done",
        "lesson": course_site["reading"],
        "outcome": "applied",
    }
    OfflineAction.objects.create(**fields)

    with pytest.raises(IntegrityError), transaction.atomic():
        OfflineAction.objects.create(**fields)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_phones_sending_the_same_key_at_once_count_once(course_site, enrolled):
    from enrolment.offline_sync import apply_one

    action = done(course_site["reading"])
    start = threading.Barrier(4)
    answers = []

    def sender():
        try:
            start.wait()
            answers.append(apply_one(user=enrolled, raw=action))
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(a["replayed"] for a in answers) == [False, True, True, True]
    assert {a["status"] for a in answers} == {"applied"}
    assert progress_count() == 1
    assert OfflineAction.objects.count() == 1


def _form_fields(action):
    """What offline.js posts for this action through the lesson's own form."""
    fields = {"idempotency_key": action["idempotency_key"]}
    for question, chosen in action.get("answers", {}).items():
        fields[f"q-{question}"] = chosen
    return fields


@pytest.mark.django_db
def test_a_quiz_form_whose_answer_was_lost_and_its_queued_copy_count_once(
    client, course_site, enrolled
):
    """The form reached the server, its answer did not reach the phone in time, so the
    phone queued a copy under the same key: one attempt, and the copy is told how the
    first one went."""
    client.force_login(enrolled)
    page = course_site["quiz"]
    action = quiz_answer(page, right=False)

    form = client.post(f"/fr/learn/lesson/{page.pk}/quiz/{action['quiz']}/", _form_fields(action))
    assert form.status_code == 200
    [copy] = send(client, [action]).json()["results"]

    assert copy["replayed"] is True
    assert copy["status"] == "applied"
    assert QuizAttempt.objects.filter(enrolment__user=enrolled).count() == 1

    # And the other way round: the copy arrived first, the form's late arrival is a replay.
    second = quiz_answer(page, right=True)
    send(client, [second])
    late = client.post(
        f"/fr/learn/lesson/{page.pk}/quiz/{second['quiz']}/", _form_fields(second), follow=True
    )
    assert QuizAttempt.objects.filter(enrolment__user=enrolled).count() == 2
    assert "Envoyé" in late.content.decode()


@pytest.mark.django_db
def test_a_done_form_and_its_queued_copy_count_once(client, course_site, enrolled):
    client.force_login(enrolled)
    page = course_site["reading"]
    action = done(page)

    client.post(f"/fr/learn/lesson/{page.pk}/done/", _form_fields(action))
    [copy] = send(client, [action]).json()["results"]

    assert copy["replayed"] is True
    assert OfflineAction.objects.filter(user=enrolled).count() == 1
    assert progress_count() == 1


@pytest.mark.django_db
def test_a_refused_form_keeps_no_claim(client, course_site, enrolled):
    """A form the server refuses (no answer chosen) records nothing, key included: its
    queued copy, if any, is judged again."""
    client.force_login(enrolled)
    page = course_site["quiz"]
    action = quiz_answer(page)

    response = client.post(
        f"/fr/learn/lesson/{page.pk}/quiz/{action['quiz']}/",
        {"idempotency_key": action["idempotency_key"]},
        follow=True,
    )

    assert "Choisissez au moins une réponse" in response.content.decode()
    assert OfflineAction.objects.count() == 0
    assert QuizAttempt.objects.count() == 0
