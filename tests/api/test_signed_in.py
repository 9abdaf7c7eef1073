"""A student signed in through allauth's headless API (X-Session-Token) reads and
changes her profile and follows her enrolments; nobody else's."""

import pytest

from accounts.models import User

from .conftest import LOGIN, assert_problem

pytestmark = pytest.mark.django_db


def test_anonymous_caller_must_sign_in_for_her_profile(api, world):
    body = assert_problem(api.get("/api/v1/me/"), 401)

    assert body["title"] == "Non connecté"


def test_student_reads_her_profile_privately(student_api):
    response = student_api.get("/api/v1/me/")

    assert response.status_code == 200
    assert response.json()["email"] == "student@example.cm"
    assert "private" in response["Cache-Control"]


def test_student_changes_her_name_and_language(student_api):
    response = student_api.patch(
        "/api/v1/me/",
        {"first_name": "Sandra", "preferred_language": "en", "data_saver": True},
        content_type="application/json",
    )

    assert response.status_code == 200, response.content
    person = User.objects.get(email="student@example.cm")
    assert (person.first_name, person.preferred_language, person.data_saver) == (
        "Sandra",
        "en",
        True,
    )


def test_profile_rules_are_the_account_pages(student_api):
    before = User.objects.get(email="student@example.cm")

    body = assert_problem(
        student_api.patch(
            "/api/v1/me/", {"phone": "12", "first_name": "X"}, content_type="application/json"
        ),
        400,
    )

    assert set(body["errors"]) == {"phone"}
    after = User.objects.get(email="student@example.cm")
    assert (after.first_name, after.phone) == (before.first_name, before.phone)


def test_student_follows_her_enrolments_with_progress(student_api, world):
    enrolments = student_api.get("/api/v1/me/enrolments/").json()["results"]
    one = student_api.get(f"/api/v1/me/enrolments/{world['enrolment'].pk}/").json()

    assert [e["id"] for e in enrolments] == [world["enrolment"].pk]
    assert (one["lessons_done"], one["lessons_total"], one["percent"]) == (1, 2, 50)
    assert one["course"]["title"] == "Teint parfait"
    assert one["resume_lesson"]["title"] == "Le teint"


def test_another_persons_enrolment_is_not_found(student_api, world):
    assert_problem(student_api.get(f"/api/v1/me/enrolments/{world['other_enrolment'].pk}/"), 404)


def test_signed_out_or_made_up_token_is_refused(api, world):
    login = api.post(
        LOGIN,
        {"email": "student@example.cm", "password": "Tresses-Douala-2026"},
        content_type="application/json",
    )
    token = login.json()["meta"]["session_token"]
    api.cookies.clear()
    assert api.get("/api/v1/me/", HTTP_X_SESSION_TOKEN=token).status_code == 200
    api.delete("/api/v1/auth/app/v1/auth/session", HTTP_X_SESSION_TOKEN=token)

    body = assert_problem(api.get("/api/v1/me/", HTTP_X_SESSION_TOKEN=token), 401)
    assert_problem(api.get("/api/v1/courses/", HTTP_X_SESSION_TOKEN="garbage"), 401)
    assert body["detail"] == "Ce jeton de session n’est pas valide\u00a0: reconnectez-vous."
