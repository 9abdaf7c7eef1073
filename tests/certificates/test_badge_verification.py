"""A badge is an Open Badges 3.0 credential signed with the academy's key: it verifies
on the same page as certificates, says when it is revoked, and a forged or altered
JSON fails. Its JSON file is the holder's (and moderators') to download."""

import copy
import json

import pytest

from certificates.badges import services
from certificates.documents import check_credential, issuer_profile

from ..conftest import make_person
from .badges_kit import badge_site, course_badge, graduate

__all__ = ["badge_site", "course_badge", "graduate"]


@pytest.fixture
def award(course_badge, graduate):
    [award] = services.award_due(user=graduate)
    return award


def test_the_credential_is_an_open_badge_signed_with_the_certificates_key(award):
    credential = award.credential

    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert credential["id"] == f"http://testserver/fr/verify/{award.code}"
    assert credential["issuer"]["id"] == issuer_profile()["id"]
    assert credential["validFrom"].endswith("Z")
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "Badge"
    assert achievement["name"] == "Experte du teint"
    assert "Complete the Flawless complexion course." in achievement["criteria"]["narrative"]
    assert achievement["image"]["id"].startswith("http://testserver/")
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == "Linda Tchoua"
    assert credential["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    assert check_credential(credential).status == "valid"


@pytest.mark.parametrize(
    ("language", "valid", "name"),
    [("fr", "Badge valide", "Experte du teint"), ("en", "Valid badge", "Complexion expert")],
)
def test_anyone_verifies_a_badge_by_its_id(client, award, language, valid, name):
    response = client.get(f"/{language}/verify/{award.code}")

    page = response.content.decode()
    assert response.status_code == 200
    assert valid in page and name in page and "Linda Tchoua" in page
    assert "linda@example.cm" not in page


def test_the_downloaded_file_pasted_back_verifies(client, award, graduate):
    client.force_login(graduate)
    downloaded = client.get(f"/en/badges/{award.code}.json")
    client.logout()

    response = client.post("/en/verify/credential", {"credential": downloaded.content.decode()})

    page = response.content.decode()
    assert response.status_code == 200
    assert "This file is exactly as the academy signed it." in page
    assert "Valid badge" in page


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c["credentialSubject"]["identifier"][0].update(identityHash="Mireille Ekane"),
        lambda c: c["credentialSubject"]["achievement"].update(name="Maquilleuse en chef"),
        lambda c: c.update(validFrom="2020-01-01T00:00:00Z"),
    ],
    ids=["another name", "another badge", "an older date"],
)
def test_an_altered_badge_fails_verification(client, award, change):
    forged = copy.deepcopy(award.credential)
    change(forged)

    response = client.post("/fr/verify/credential", {"credential": json.dumps(forged)})

    page = response.content.decode()
    assert response.status_code == 400
    assert "La signature ne correspond pas." in page
    assert "Badge valide" not in page
    award.refresh_from_db()
    assert check_credential(award.credential).status == "valid"


def test_a_badge_signed_with_another_key_is_not_ours(client, award):
    forged = copy.deepcopy(award.credential)
    forged["proof"]["verificationMethod"] = "did:key:z6MkForger#key-1"

    response = client.post("/en/verify/credential", {"credential": json.dumps(forged)})

    assert response.status_code == 400
    assert "was not signed by Beauty Skills Academy" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "says"),
    [("fr", "Ce badge a été révoqué"), ("en", "This badge has been revoked")],
)
def test_a_revoked_badge_says_so_with_its_reason(client, award, moderator, language, says):
    services.revoke(award=award, reason="Diplôme obtenu par fraude", revoked_by=moderator)

    by_id = client.get(f"/{language}/verify/{award.code}").content.decode()
    by_file = client.post(
        f"/{language}/verify/credential", {"credential": json.dumps(award.credential)}
    ).content.decode()

    for page in (by_id, by_file):
        assert says in page and "Diplôme obtenu par fraude" in page


def test_revoking_needs_a_reason_and_happens_once(award, moderator):
    with pytest.raises(services.CertificateError):
        services.revoke(award=award, reason="  ", revoked_by=moderator)
    award.refresh_from_db()
    assert not award.is_revoked

    services.revoke(award=award, reason="Erreur", revoked_by=moderator)
    with pytest.raises(services.CertificateError):
        services.revoke(award=award, reason="Encore", revoked_by=moderator)
    award.refresh_from_db()
    assert award.revocation_reason == "Erreur"


def test_only_the_holder_and_moderators_download_the_badge_file(client, award, moderator):
    url = f"/fr/badges/{award.code}.json"
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(make_person("autre@example.cm", is_student=True))
    assert client.get(url).status_code == 404
    client.force_login(moderator)
    assert client.get(url).status_code == 200
    client.force_login(award.user)
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert response.json() == award.credential


def test_the_holder_no_longer_downloads_a_revoked_badge(client, award, moderator):
    services.revoke(award=award, reason="Erreur", revoked_by=moderator)
    client.force_login(award.user)

    assert client.get(f"/fr/badges/{award.code}.json").status_code == 404
    page = client.get("/fr/certificates/").content.decode()
    assert "Experte du teint" in page and "Erreur" in page
