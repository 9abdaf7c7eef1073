"""HTTP behaviour every client relies on: ETags and 304, CORS for configured origins
only, answers in French or English."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

PARTNER = "https://salon-partenaire.example"


def test_unchanged_answer_is_a_304(api, world):
    first = api.get("/api/v1/courses/")

    again = api.get("/api/v1/courses/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["ETag"]
    assert again.status_code == 304
    assert again.content == b""


def test_unchanged_lesson_read_again_by_its_student_is_a_304(student_api, world):
    url = f"/api/v1/lessons/{world['lessons'][1].pk}/"
    first = student_api.get(url)

    again = student_api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert again.status_code == 304
    assert again.content == b""
    assert "private" in again["Cache-Control"]


def test_each_language_has_its_own_etag(api, world):
    french = api.get("/api/v1/courses/")
    english = api.get("/api/v1/courses/", HTTP_ACCEPT_LANGUAGE="en")

    assert french["ETag"] != english["ETag"]
    assert (
        api.get(
            "/api/v1/courses/", HTTP_ACCEPT_LANGUAGE="en", HTTP_IF_NONE_MATCH=french["ETag"]
        ).status_code
        == 200
    )


@override_settings(CORS_ALLOWED_ORIGINS=[PARTNER])
def test_cors_only_for_configured_origins_and_only_for_the_api(api, world):
    allowed = api.get("/api/v1/courses/", HTTP_ORIGIN=PARTNER)
    other = api.get("/api/v1/courses/", HTTP_ORIGIN="https://evil.example")
    page = api.get("/fr/formations/", HTTP_ORIGIN=PARTNER)
    preflight = api.options(
        "/api/v1/me/",
        HTTP_ORIGIN=PARTNER,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-session-token, content-type",
    )

    assert allowed["Access-Control-Allow-Origin"] == PARTNER
    assert "Access-Control-Allow-Origin" not in other
    assert "Access-Control-Allow-Origin" not in page
    assert "x-session-token" in preflight["Access-Control-Allow-Headers"]


def test_errors_in_english_when_asked(api, world):
    body = api.get("/api/v1/courses/999999/", HTTP_ACCEPT_LANGUAGE="en").json()

    assert body["title"] == "Not found"
