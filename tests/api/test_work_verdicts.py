"""An instructor's verdict on practice work through the API, with her teaching page's
service: the student is told, accepted work completes the lesson; role by role, and
bad verdicts change nothing."""

import pytest

from enrolment import services as learning
from enrolment.models import LessonProgress, Submission
from notifications.models import Notification

from ..enrolment.conftest import photo_upload
from ..shared_build import built_once_per_module
from .conftest import app_client, assert_problem, build_work_world

pytestmark = pytest.mark.django_db

world = built_once_per_module(build_work_world, "world")


def _hand_in(world):
    lesson = world["work_lesson"]
    assignment = learning.lesson_blocks.assignments(lesson)[0]
    return learning.submit_assignment(
        user=world["student"],
        lesson=lesson,
        assignment_id=assignment.id,
        note="Lumière du jour",
        uploads=[photo_upload()],
    )


def _url(work):
    return f"/api/v1/teaching/work/{work.pk}/verdict/"


def _state(work):
    work.refresh_from_db()
    return (work.status, work.verdict_comment, work.verdict_at)


@pytest.fixture
def teacher_api(world):
    return app_client("aicha@example.cm")


def test_she_accepts_work_which_completes_the_lesson_and_tells_the_student(
    world, teacher_api, django_capture_on_commit_callbacks
):
    work = _hand_in(world)

    with django_capture_on_commit_callbacks(execute=True):
        response = teacher_api.post(
            _url(work),
            {"verdict": "accept", "comment": "Très beau fondu"},
            content_type="application/json",
        )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["id"], body["status"], body["verdict_comment"]) == (
        work.pk,
        "accepted",
        "Très beau fondu",
    )
    assert body["verdict_at"]
    assert LessonProgress.objects.filter(
        enrolment=world["enrolment"], lesson=world["work_lesson"]
    ).exists()
    assert Notification.objects.filter(user=world["student"]).exists()
    assert teacher_api.get("/api/v1/teaching/work/").json()["results"] == []


def test_she_asks_for_another_try_and_cannot_decide_twice(world, teacher_api):
    work = _hand_in(world)

    retry = teacher_api.post(_url(work), {"verdict": "retry"}, content_type="application/json")
    decided = _state(work)
    again = teacher_api.post(_url(work), {"verdict": "accept"}, content_type="application/json")

    assert retry.json()["status"] == "needs_work"
    assert assert_problem(again, 409)["detail"] == "Une décision a déjà été donnée pour ce travail."
    assert _state(work) == decided


def test_a_moderator_may_decide(world):
    work = _hand_in(world)

    response = app_client("moderator@example.cm").post(
        _url(work), {"verdict": "accept"}, content_type="application/json"
    )

    assert response.json()["status"] == "accepted"


@pytest.mark.parametrize(
    "email",
    ["fanta@example.cm", "student@example.cm", "other.student@example.cm", "cliente@example.cm"],
)
def test_work_of_a_course_she_does_not_teach_is_not_found(world, email):
    work = _hand_in(world)
    before = _state(work)

    assert_problem(
        app_client(email).post(_url(work), {"verdict": "accept"}, content_type="application/json"),
        404,
    )
    assert _state(work) == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "verdict"),
        ({"verdict": "maybe"}, "verdict"),
        ({"verdict": True}, "verdict"),
        ({"verdict": "accept", "comment": "a" * 4001}, "comment"),
        ({"verdict": "accept", "score": 5}, "score"),
    ],
)
def test_bad_verdicts_change_nothing(world, teacher_api, body, field):
    work = _hand_in(world)
    before = _state(work)

    problem = assert_problem(
        teacher_api.post(_url(work), body, content_type="application/json"), 400
    )

    assert field in problem["errors"]
    assert _state(work) == before


def test_unknown_work_and_anonymous_callers(api, world, teacher_api):
    work = _hand_in(world)

    assert_problem(teacher_api.post("/api/v1/teaching/work/999999/verdict/", {}), 404)
    assert_problem(
        api.post(_url(work), {"verdict": "accept"}, content_type="application/json"), 401
    )
    assert Submission.objects.get(pk=work.pk).status == "peers"
