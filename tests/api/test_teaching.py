"""The instructor's side through the API: her courses, their students and progress,
the practice work waiting for her; role by role, as her teaching pages decide. And
"my certificates" for each person."""

import pytest

from enrolment import services as learning

from ..enrolment.conftest import photo_upload
from ..shared_build import built_once_per_module
from .conftest import app_client, assert_problem, build_work_world

pytestmark = pytest.mark.django_db

world = built_once_per_module(build_work_world, "world")

COURSES = "/api/v1/teaching/courses/"
WORK = "/api/v1/teaching/work/"


def _students_url(course):
    return f"{COURSES}{course.pk}/students/"


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


@pytest.fixture
def teacher_api(world):
    return app_client("aicha@example.cm")


def test_instructor_sees_her_courses_students_and_work_waiting(teacher_api, world):
    work = _hand_in(world)

    courses = teacher_api.get(COURSES).json()["results"]
    students = teacher_api.get(_students_url(world["course"])).json()["results"]
    waiting = teacher_api.get(WORK).json()["results"]

    assert courses == [
        {"id": world["course"].pk, "title": "Teint parfait", "students": 3, "work_waiting": 1}
    ]
    progress = {s["student"]["name"]: (s["lessons_done"], s["lessons_total"]) for s in students}
    assert progress == {
        "Linda Person": (2, 3),
        "Sandrine Person": (1, 3),
        "Brice Person": (0, 3),
    }
    [item] = waiting
    assert (item["id"], item["student"]["name"], item["course"]["title"]) == (
        work.pk,
        "Sandrine Person",
        "Teint parfait",
    )
    assert (item["lesson"]["title"], item["note"], item["status"]) == (
        "Pratique teint",
        "Lumière du jour",
        "peers",
    )
    assert len(item["photos"]) == 1
    assert "private" in teacher_api.get(WORK)["Cache-Control"]


def test_a_moderator_sees_every_course(world):
    moderator = app_client("moderator@example.cm")

    titles = {c["title"] for c in moderator.get(COURSES).json()["results"]}

    assert {"Teint parfait", "Ongles"} <= titles
    assert moderator.get(_students_url(world["other_course"])).status_code == 200


def test_another_instructor_sees_only_her_own(world):
    fanta = app_client("fanta@example.cm")
    _hand_in(world)

    courses = fanta.get(COURSES).json()["results"]

    assert [c["title"] for c in courses] == ["Ongles"]
    assert fanta.get(WORK).json()["results"] == []
    assert_problem(fanta.get(_students_url(world["course"])), 404)


@pytest.mark.parametrize("email", ["student@example.cm", "cliente@example.cm"])
def test_students_and_clients_have_no_teaching_side(world, email):
    caller = app_client(email)

    body = assert_problem(caller.get(COURSES), 403)
    assert_problem(caller.get(WORK), 403)
    assert_problem(caller.get(_students_url(world["course"])), 404)

    assert body["detail"] == "Seuls les formateurs d’un cours peuvent voir ceci."


def test_anonymous_caller_must_sign_in(api, world):
    for path in (COURSES, WORK, _students_url(world["course"]), "/api/v1/me/certificates/"):
        assert_problem(api.get(path), 401)


def test_an_unknown_course_or_bad_cursor_is_not_found(teacher_api, world):
    assert_problem(teacher_api.get(f"{COURSES}999999/students/"), 404)
    assert_problem(teacher_api.get(f"{COURSES}?cursor=%%%not-base64"), 404)


# --- My certificates ---------------------------------------------------------------------


def test_a_graduate_finds_her_certificate_and_others_none(world):
    graduate = app_client("linda@example.cm")

    [certificate] = graduate.get("/api/v1/me/certificates/").json()["results"]
    english = graduate.get("/api/v1/me/certificates/", HTTP_ACCEPT_LANGUAGE="en").json()

    assert (certificate["status"], certificate["course_title"], certificate["hours"]) == (
        "valid",
        "Teint parfait",
        6.5,
    )
    assert certificate["verify_url"].endswith(f"/fr/verify/{certificate['code']}")
    assert english["results"][0]["course_title"] == "Flawless complexion"
    assert app_client("student@example.cm").get("/api/v1/me/certificates/").json()["results"] == []
