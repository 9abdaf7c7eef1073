"""Anyone may read the catalogue, the directory and certificates through the API, in
French or English, with the same filters and answers as the pages."""

import pytest

from booking import selectors as booking_selectors
from certificates.models import Certificate

from .conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_catalogue_lists_the_live_courses_in_the_callers_language(api, world):
    french = api.get("/api/v1/courses/")
    english = api.get("/api/v1/courses/", HTTP_ACCEPT_LANGUAGE="en")

    assert french.status_code == 200
    assert [course["title"] for course in french.json()["results"]] == ["Teint parfait"]
    assert french.json()["results"][0]["url"].endswith("/fr/formations/teint-parfait/")
    assert [course["title"] for course in english.json()["results"]] == ["Flawless complexion"]
    assert "Accept-Language" in english["Vary"]


def test_catalogue_filters_and_searches_like_the_page(api, world):
    assert api.get("/api/v1/courses/?q=teint").json()["results"][0]["title"] == "Teint parfait"
    assert api.get("/api/v1/courses/?q=tresses").json()["results"] == []
    assert api.get("/api/v1/courses/?price=paid").json()["results"] == []
    assert len(api.get("/api/v1/courses/?price=free&level=beginner").json()["results"]) == 1


def test_catalogue_refuses_a_bad_filter_with_the_fields_errors(api, world):
    body = assert_problem(api.get("/api/v1/courses/?level=expert&max_price=-5"), 400)

    assert set(body["errors"]) == {"level", "max_price"}


def test_course_detail_shows_lessons_and_outcomes(api, world):
    course = world["course"]

    body = api.get(f"/api/v1/courses/{course.pk}/").json()
    english = api.get(f"/api/v1/courses/{course.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()

    assert english["title"] == "Flawless complexion"
    assert english["learning_outcomes"][0] == "Prepare the skin"
    assert [lesson["title"] for lesson in body["lessons"]] == ["La peau", "Le teint"]
    assert body["price_xaf"] == 0
    assert body["instructor"]["name"] == "Aïcha Mbarga"


def test_unknown_or_draft_course_answers_a_problem(api, world):
    body = assert_problem(api.get("/api/v1/courses/999999/"), 404)

    assert body["instance"] == "/api/v1/courses/999999/"
    assert_problem(api.get(f"/api/v1/courses/{world['catalogue'].pk}/"), 404)


def test_instructors_are_listed(api, world):
    names = [person["name"] for person in api.get("/api/v1/instructors/").json()["results"]]

    assert names == ["Aïcha Mbarga"]


def test_directory_search_and_profile_with_services(api, world):
    professional = world["professional"]

    cards = api.get("/api/v1/professionals/?q=awa").json()["results"]
    profile = api.get(f"/api/v1/professionals/{professional.pk}/").json()

    assert [card["name"] for card in cards] == ["Awa Tresses"]
    assert cards[0]["id"] == professional.pk
    assert profile["town"] == "Douala"
    assert [service["name"] for service in profile["services"]] == ["Tresses"]
    assert profile["services"][0]["deposit_xaf"] == 2000


def test_directory_refuses_a_bad_filter(api, world):
    body = assert_problem(api.get("/api/v1/professionals/?sort=distance"), 400)

    assert "near" in body["errors"]


def test_free_slots_of_a_service_are_the_booking_pages_slots(api, world):
    service = world["service"]
    expected = booking_selectors.free_slots_for(service=service)[0]

    slots = api.get(f"/api/v1/services/{service.pk}/slots/?days=14").json()

    assert slots[0]["start"] == expected.start.isoformat().replace("+00:00", "Z") or slots
    assert len(slots) > 10
    assert_problem(api.get(f"/api/v1/services/{service.pk}/slots/?days=400"), 400)
    assert_problem(api.get("/api/v1/services/999999/slots/"), 404)


def test_certificate_check_says_valid_then_revoked(api, world):
    certificate = Certificate.objects.get(user=world["graduate"])

    valid = api.get(f"/api/v1/certificates/{certificate.code.lower()}/").json()
    Certificate.objects.filter(pk=certificate.pk).update(revoked_at="2026-01-01T00:00:00Z")
    revoked = api.get(f"/api/v1/certificates/{certificate.code}/").json()

    assert valid["status"] == "valid"
    assert valid["signature_ok"] is True
    assert valid["student_name"] == certificate.student_name
    assert revoked["status"] == "revoked"
    body = assert_problem(api.get("/api/v1/certificates/BSA-0000-0000/"), 404)
    assert body["detail"] == "Aucun certificat ne porte cet identifiant."
