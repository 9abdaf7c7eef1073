"""Learning through the API with the lesson page's gate and services: open a lesson,
mark it done, answer its quiz; role by role, and bad input that changes nothing."""

import pytest
from django.test import Client

from enrolment import lesson_blocks
from enrolment.models import LessonProgress, QuizAttempt

from ..conftest import make_person
from ..course_pages.builders import make_lesson
from ..enrolment.conftest import QUIZ
from ..shared_build import built_once_per_module
from .conftest import assert_problem, build_api_world, session_token

pytestmark = pytest.mark.django_db


def build_learning_world():
    world = build_api_world()
    course = world["course"]
    world["preview"] = make_lesson(
        course,
        title="Bienvenue",
        slug="bienvenue",
        is_preview=True,
        body=[("heading", "Bonjour"), ("paragraph", "<p>Le matériel du cours</p>")],
    )
    world["quiz_lesson"] = make_lesson(course, title="Quiz teint", slug="quiz-teint", body=[QUIZ])
    world["outsider"] = make_person("outsider@example.cm", first_name="Carine", is_student=True)
    return world


world = built_once_per_module(build_learning_world, "world")


@pytest.fixture
def outsider_api(world):
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    token = session_token(client, "outsider@example.cm")
    client.cookies.clear()
    client.defaults["HTTP_X_SESSION_TOKEN"] = token
    return client


def _quiz(world):
    return lesson_blocks.quizzes(world["quiz_lesson"])[0]


def _answers(world, *, right):
    """Every question answered, all right or all wrong."""
    return {
        question.id: sorted(question.correct)
        if right
        else [next(c for c in question.choices if c not in question.correct)]
        for question in _quiz(world).questions
    }


def _stored(world):
    return (
        sorted(LessonProgress.objects.values_list("enrolment_id", "lesson_id")),
        QuizAttempt.objects.count(),
    )


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


# --- Anonymous ---------------------------------------------------------------------------


def test_anyone_reads_a_preview_lesson(api, world):
    response = api.get(f"/api/v1/lessons/{world['preview'].pk}/")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["title"] == "Bienvenue"
    assert body["course"] == {"id": world["course"].pk, "title": "Teint parfait"}
    assert [block["type"] for block in body["blocks"]] == ["heading", "paragraph"]
    assert "Le matériel du cours" in body["blocks"][1]["html"]
    assert response["ETag"]


def test_anonymous_caller_must_sign_in_to_learn(api, world):
    before = _stored(world)
    lesson, quiz_lesson = world["lessons"][1].pk, world["quiz_lesson"].pk

    body = assert_problem(api.get(f"/api/v1/lessons/{lesson}/"), 401)
    assert_problem(api.post(f"/api/v1/lessons/{lesson}/done/"), 401)
    assert_problem(_post(api, f"/api/v1/lessons/{quiz_lesson}/quiz/", {}), 401)

    assert body["title"] == "Non connecté"
    assert _stored(world) == before


# --- A student not enrolled --------------------------------------------------------------


def test_student_not_enrolled_may_not_open_mark_or_answer(outsider_api, world):
    before = _stored(world)
    lesson, quiz_lesson = world["lessons"][1].pk, world["quiz_lesson"].pk

    body = assert_problem(outsider_api.get(f"/api/v1/lessons/{lesson}/"), 403)
    assert_problem(outsider_api.post(f"/api/v1/lessons/{lesson}/done/"), 403)
    assert_problem(
        _post(
            outsider_api,
            f"/api/v1/lessons/{quiz_lesson}/quiz/",
            {"quiz": _quiz(world).id, "answers": _answers(world, right=True)},
        ),
        403,
    )

    assert body["detail"] == "Inscrivez-vous d'abord à ce cours."
    assert _stored(world) == before


def test_student_not_enrolled_reads_the_preview(outsider_api, world):
    assert outsider_api.get(f"/api/v1/lessons/{world['preview'].pk}/").status_code == 200


# --- The enrolled student ----------------------------------------------------------------


def test_enrolled_student_reads_a_quiz_without_its_answers(student_api, world):
    response = student_api.get(f"/api/v1/lessons/{world['quiz_lesson'].pk}/")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["blocks"] == []
    [quiz] = body["quizzes"]
    assert (quiz["id"], quiz["pass_mark"], quiz["max_attempts_per_day"]) == (
        _quiz(world).id,
        50,
        2,
    )
    for question in quiz["questions"]:
        assert set(question) == {"id", "text", "multiple", "choices"}
        assert all(set(choice) == {"id", "text"} for choice in question["choices"])
    assert "private" in response["Cache-Control"]


def test_enrolled_student_marks_a_lesson_done_once(student_api, world):
    url = f"/api/v1/lessons/{world['lessons'][1].pk}/done/"

    first = student_api.post(url)
    again = student_api.post(url)

    assert first.status_code == again.status_code == 200
    assert first.json() == {"lesson": world["lessons"][1].pk, "done": True, "reason": "marked"}
    assert (
        LessonProgress.objects.filter(
            enrolment=world["enrolment"], lesson=world["lessons"][1]
        ).count()
        == 1
    )


def test_a_lesson_with_a_quiz_is_done_by_passing_it_not_by_marking(student_api, world):
    before = _stored(world)

    body = assert_problem(student_api.post(f"/api/v1/lessons/{world['quiz_lesson'].pk}/done/"), 403)

    assert "quiz" in body["detail"]
    assert _stored(world) == before


def test_enrolled_student_passes_the_quiz_and_the_lesson_is_done(student_api, world):
    response = _post(
        student_api,
        f"/api/v1/lessons/{world['quiz_lesson'].pk}/quiz/",
        {"quiz": _quiz(world).id, "answers": _answers(world, right=True)},
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["score_percent"], body["pass_mark"], body["passed"]) == (100, 50, True)
    assert body["attempts_left"] == 1
    assert all(item["correct"] for item in body["feedback"])
    assert LessonProgress.objects.filter(
        enrolment=world["enrolment"], lesson=world["quiz_lesson"], reason="quiz"
    ).exists()


def test_a_failed_attempt_says_so_and_leaves_the_lesson_open(student_api, world):
    response = _post(
        student_api,
        f"/api/v1/lessons/{world['quiz_lesson'].pk}/quiz/",
        {"quiz": _quiz(world).id, "answers": _answers(world, right=False)},
    )

    body = response.json()
    assert (body["score_percent"], body["passed"]) == (0, False)
    assert body["feedback"][0]["explanation"] == "Une base matifiante limite la brillance."
    assert not LessonProgress.objects.filter(lesson=world["quiz_lesson"]).exists()


def test_attempts_of_the_day_run_out(student_api, world):
    url = f"/api/v1/lessons/{world['quiz_lesson'].pk}/quiz/"
    attempt = {"quiz": _quiz(world).id, "answers": _answers(world, right=False)}
    _post(student_api, url, attempt)
    _post(student_api, url, attempt)

    body = assert_problem(_post(student_api, url, attempt), 403)

    assert "2" in body["detail"]
    assert QuizAttempt.objects.count() == 2


# --- Bad input ---------------------------------------------------------------------------


def test_unknown_lesson_is_not_found(student_api, world):
    before = _stored(world)
    course = world["course"].pk

    for path in (
        "/api/v1/lessons/999999/",
        f"/api/v1/lessons/{course}/",
    ):
        assert_problem(student_api.get(path), 404)
    assert_problem(student_api.post("/api/v1/lessons/999999/done/"), 404)
    assert_problem(_post(student_api, "/api/v1/lessons/999999/quiz/", {}), 404)

    assert _stored(world) == before


@pytest.mark.parametrize(
    ("attempt", "field"),
    [
        ({"answers": {"x": ["y"]}}, "quiz"),
        ({"quiz": "QUIZ", "answers": ["a", "b"]}, "answers"),
        ({"quiz": "QUIZ", "answers": {}}, "answers"),
        ({"quiz": "QUIZ", "answers": {"q": "not a list"}}, "answers"),
        ({"quiz": "QUIZ", "answers": "RIGHT", "cheat": True}, "cheat"),
        ({"quiz": "no-such-quiz", "answers": "RIGHT"}, "answers"),
        ({"quiz": "QUIZ", "answers": {"no-such-question": ["a"]}}, "answers"),
        ({"quiz": "QUIZ", "answers": {"FIRST": ["no-such-choice"]}}, "answers"),
    ],
)
def test_malformed_answers_are_refused_and_use_no_attempt(student_api, world, attempt, field):
    quiz = _quiz(world)
    attempt = dict(attempt)
    if attempt.get("quiz") == "QUIZ":
        attempt["quiz"] = quiz.id
    if attempt.get("answers") == "RIGHT":
        attempt["answers"] = _answers(world, right=True)
    elif isinstance(attempt.get("answers"), dict) and "FIRST" in attempt["answers"]:
        attempt["answers"] = {quiz.questions[0].id: attempt["answers"]["FIRST"]}
    before = _stored(world)

    body = assert_problem(
        _post(student_api, f"/api/v1/lessons/{world['quiz_lesson'].pk}/quiz/", attempt), 400
    )

    assert field in body["errors"]
    assert _stored(world) == before


def test_answers_that_are_not_json_are_refused(student_api, world):
    before = _stored(world)
    url = f"/api/v1/lessons/{world['quiz_lesson'].pk}/quiz/"

    assert_problem(student_api.post(url, '{"quiz": ', content_type="application/json"), 400)
    assert_problem(
        student_api.post(url, "quiz=x", content_type="application/x-www-form-urlencoded"), 415
    )

    assert _stored(world) == before
