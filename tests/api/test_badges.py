"""Badges through the API: the holder's own list, and the public check any employer
runs next to the certificate check, sharing its budget per address."""

import pytest
from django.test import override_settings

from accounts.models import MODERATORS_GROUP
from certificates.badges import services as badge_services
from certificates.models import Certificate

from ..certificates.badges_kit import make_badge
from ..conftest import make_person
from .conftest import app_client, assert_problem

pytestmark = pytest.mark.django_db

MINE = "/api/v1/me/badges/"


def _awarded(world, slug="teint-expert"):
    badge = make_badge(slug=slug, courses=[world["course"]])
    award, _created = badge_services.award(badge=badge, user=world["graduate"])
    return award


def test_the_holder_lists_her_badges_in_her_language(world):
    award = _awarded(world)
    graduate = app_client("linda@example.cm")

    [french] = graduate.get(MINE).json()["results"]
    [english] = graduate.get(MINE, HTTP_ACCEPT_LANGUAGE="en").json()["results"]

    assert (french["code"], french["status"], french["name"]) == (
        award.code,
        "valid",
        "Experte du teint",
    )
    assert english["name"] == "Complexion expert"
    assert french["verify_url"].endswith(f"/fr/verify/{award.code}")
    assert french["image_url"].startswith("http")


def test_a_revoked_badge_says_so_to_its_holder_and_to_anyone(world, api):
    award = _awarded(world)
    moderator = _moderator()
    badge_services.revoke(award=award, reason="Fraude", revoked_by=moderator)

    [mine] = app_client("linda@example.cm").get(MINE).json()["results"]
    check = api.get(f"/api/v1/badges/{award.code}/").json()

    assert mine["status"] == "revoked"
    assert (check["status"], check["revocation_reason"]) == ("revoked", "Fraude")


def _moderator():
    return make_person("moderatrice@example.cm", groups=[MODERATORS_GROUP])


@pytest.mark.parametrize("email", ["student@example.cm", "aicha@example.cm"])
def test_other_people_see_none_of_her_badges(world, email):
    _awarded(world)

    assert app_client(email).get(MINE).json()["results"] == []


def test_anyone_checks_a_badge_by_its_id_typed_loosely(world, api):
    award = _awarded(world)

    check = api.get(f"/api/v1/badges/{award.code.lower()}/")

    assert check.status_code == 200
    body = check.json()
    assert (body["code"], body["status"], body["signature_ok"]) == (award.code, "valid", True)
    assert (body["holder_name"], body["name"]) == ("Linda Person", "Experte du teint")


def test_unknown_or_malformed_ids_are_not_found(world, api):
    assert assert_problem(api.get("/api/v1/badges/BSA-2345-6789/"), 404)["detail"] == (
        "Aucun badge n’a cet identifiant."
    )
    assert_problem(api.get("/api/v1/badges/nonsense/"), 404)
    # A certificate's ID is not a badge's.
    code = Certificate.objects.get(user=world["graduate"]).code
    assert_problem(api.get(f"/api/v1/badges/{code}/"), 404)


def test_badge_checks_share_the_verification_pages_budget(api, world):
    with override_settings(CERTIFICATE_VERIFY_MAX_LOOKUPS=1):
        assert api.get("/api/v1/certificates/BSA-2345-6789/").status_code == 404
        response = api.get("/api/v1/badges/BSA-2345-6789/")

    assert_problem(response, 429)


def test_anonymous_callers_have_no_badges_of_their_own(api, world):
    assert_problem(api.get(MINE), 401)
