"""Bad input of every kind gets a 4xx problem document and changes nothing."""

import pytest
from django.test import override_settings

from accounts.models import User

from .conftest import assert_problem

pytestmark = pytest.mark.django_db


def _profile():
    person = User.objects.get(email="student@example.cm")
    return (person.first_name, person.preferred_language, person.data_saver, person.phone)


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ('{"first_name": "Sandra",', "application/json", 400),
        ("[1, 2, 3]", "application/json", 400),
        ('{"data_saver": "maybe"}', "application/json", 400),
        ('{"first_name": ["Sandra"]}', "application/json", 400),
        ('{"nickname": "Sandra"}', "application/json", 400),
        ('{"email": "thief@example.cm"}', "application/json", 400),
        ("first_name=Sandra", "application/x-www-form-urlencoded", 415),
    ],
)
def test_bad_profile_changes_change_nothing(student_api, body, content_type, status):
    before = _profile()

    assert_problem(student_api.patch("/api/v1/me/", body, content_type=content_type), status)

    assert _profile() == before


def test_unknown_and_read_only_fields_are_named(student_api):
    body = assert_problem(
        student_api.patch(
            "/api/v1/me/",
            {"nickname": "S", "email": "x@example.cm"},
            content_type="application/json",
        ),
        400,
    )

    assert set(body["errors"]) == {"nickname", "email"}


def test_a_ten_megabyte_body_is_refused_unread(student_api):
    before = _profile()
    huge = '{"first_name": "' + "a" * (10 * 1024 * 1024) + '"}'

    assert_problem(student_api.patch("/api/v1/me/", huge, content_type="application/json"), 413)

    assert _profile() == before


def test_bad_cursor_unknown_path_and_wrong_method(api, world):
    assert_problem(api.get("/api/v1/courses/?cursor=%%%not-base64"), 404)
    assert_problem(api.get("/api/v1/nothing-here/"), 404)
    assert_problem(api.get("/api/v2/courses/"), 404)
    assert_problem(api.post("/api/v1/courses/", {}, content_type="application/json"), 405)
    assert_problem(api.delete("/api/v1/me/"), 401)


def test_too_many_requests_from_one_address(api, world):
    with override_settings(API_RATE_PER_ADDRESS="2/m"):
        api.get("/api/v1/instructors/")
        api.get("/api/v1/instructors/")
        response = api.get("/api/v1/instructors/")

    body = assert_problem(response, 429)
    assert int(response["Retry-After"]) > 0
    assert body["title"] == "Trop de requêtes"


def test_nul_byte_in_an_api_address_answers_a_problem(api, world):
    assert_problem(api.get("/api/v1/courses/?q=a%00b"), 400)


def test_too_many_requests_from_one_person(student_api):
    with override_settings(API_RATE_PER_PERSON="2/m"):
        student_api.get("/api/v1/me/")
        student_api.get("/api/v1/me/")
        response = student_api.get("/api/v1/me/")

    assert_problem(response, 429)


def test_certificate_checks_share_the_verification_pages_budget(api, world):
    with override_settings(CERTIFICATE_VERIFY_MAX_LOOKUPS=1):
        assert api.get("/fr/verify/BSA-2345-6789").status_code == 404
        response = api.get("/api/v1/certificates/BSA-2345-6789/")

    assert_problem(response, 429)
    assert int(response["Retry-After"]) > 0
