"""The API's test world, built once per module: the bilingual catalogue with a course
(and its English translation), a graduate holding its certificate, a student half-way
through it, another student, and Awa's directory profile with a bookable service."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client, TestCase

from accounts.models import MODERATORS_GROUP
from enrolment import services as learning
from enrolment.models import SubmissionVideo

from ..booking.conftest import build_booking_site
from ..certificates.conftest import build_certificate_course, complete_course
from ..conftest import PASSWORD, make_person
from ..course_pages.builders import make_course, make_instructor, make_lesson
from ..enrolment.conftest import ASSIGNMENT
from ..shared_build import built_once_per_module

LOGIN = "/api/v1/auth/app/v1/auth/login"
# A prepared practice video's files: served as they are, they need not be a real film.
MP4_BYTES = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 8
POSTER_BYTES = b"RIFF\x10\x00\x00\x00WEBPVP8 poster"


def build_api_world():
    course_site = build_certificate_course()
    booking_site = build_booking_site()
    graduate = make_person("linda@example.cm", first_name="Linda", is_student=True)
    complete_course(graduate, course_site, TestCase.captureOnCommitCallbacks)
    student = make_person("student@example.cm", first_name="Sandrine", is_student=True)
    enrolment, _created = learning.enrol(user=student, course=course_site["course"])
    learning.mark_complete(user=student, lesson=course_site["lessons"][0])
    other = make_person("other.student@example.cm", first_name="Brice", is_student=True)
    other_enrolment, _created = learning.enrol(user=other, course=course_site["course"])
    return {
        **booking_site,
        **course_site,
        "graduate": graduate,
        "student": student,
        "enrolment": enrolment,
        "other": other,
        "other_enrolment": other_enrolment,
    }


world = built_once_per_module(build_api_world, "world")


def build_work_world():
    """The API world, a lesson asking for practice work in its course, a student not
    enrolled, another instructor with a course of her own, and a moderator."""
    world = build_api_world()
    world["work_lesson"] = make_lesson(
        world["course"], title="Pratique teint", slug="pratique-teint", body=[ASSIGNMENT]
    )
    world["outsider"] = make_person("outsider@example.cm", first_name="Carine", is_student=True)
    _user, other_page = make_instructor(
        "fanta@example.cm", index=world["instructors"], title="Fanta Diallo"
    )
    world["other_course"] = make_course(
        world["catalogue"], other_page, title="Ongles", slug="ongles"
    )
    world["moderator"] = make_person("moderator@example.cm", groups=[MODERATORS_GROUP])
    return world


def session_token(client, email):
    """Signs in through allauth's headless API, as a phone app does."""
    response = client.post(
        LOGIN, {"email": email, "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    return response.json()["meta"]["session_token"]


@pytest.fixture
def api():
    return Client(HTTP_ACCEPT_LANGUAGE="fr")


def app_client(email):
    """A phone app signed in as this person: it keeps no cookies, only the token says
    who it is."""
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    token = session_token(client, email)
    client.cookies.clear()
    client.defaults["HTTP_X_SESSION_TOKEN"] = token
    return client


@pytest.fixture
def student_api(world):
    return app_client("student@example.cm")


def assert_problem(response, status):
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["status"] == status
    assert body["detail"]
    return body


def prepared_video(submission, **fields):
    """A practice video as the task leaves it once prepared (no FFmpeg needed)."""
    video = SubmissionVideo(
        submission=submission, duration_seconds=12, state=SubmissionVideo.State.READY, **fields
    )
    video.file.save("work.mp4", ContentFile(MP4_BYTES), save=False)
    video.poster.save("work.webp", ContentFile(POSTER_BYTES), save=False)
    video.save()
    return video
