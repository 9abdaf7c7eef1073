"""The transcript: its owner chooses what it shows and whether it is public; a private
transcript is 404 to everyone else (moderators aside); its PDF is bilingual and its
JSON bundle is signed, so a changed bundle fails verification."""

import copy
import json
import subprocess

import pytest

from certificates.badges import services as badges
from certificates.documents import check_credential
from certificates.models import Transcript

from ..conftest import make_person
from .badges_kit import badge_site, course_badge, graduate

__all__ = ["badge_site", "course_badge", "graduate"]


@pytest.fixture
def award(course_badge, graduate):
    [award] = badges.award_due(user=graduate)
    return award


@pytest.fixture
def codes(graduate, award):
    return {"certificate": graduate.certificates.get().code, "badge": award.code}


def _choose(client, graduate, *, shown, public=True, language="fr"):
    client.force_login(graduate)
    data = {"shown": shown, **({"is_public": "on"} if public else {})}
    return client.post(f"/{language}/transcript/", data)


@pytest.mark.parametrize(("language", "title"), [("fr", "Mon relevé"), ("en", "My transcript")])
def test_the_owner_sees_every_credential_to_choose_from(client, graduate, codes, language, title):
    client.force_login(graduate)

    response = client.get(f"/{language}/transcript/")

    page = response.content.decode()
    assert response.status_code == 200 and title in page
    assert codes["certificate"] in page and codes["badge"] in page
    assert not Transcript.objects.exists()  # nothing stored until she chooses


def test_a_public_transcript_shows_what_its_owner_chose_to_anyone(client, graduate, codes):
    response = _choose(client, graduate, shown=[codes["badge"]])
    assert response.status_code == 302
    transcript = Transcript.objects.get(user=graduate)
    client.logout()

    page = client.get(f"/en/transcript/{transcript.token}/").content.decode()

    assert "Linda Tchoua" in page and "Complexion expert" in page
    assert f"/verify/{codes['badge']}" in page
    assert codes["certificate"] not in page and "Flawless complexion" not in page


@pytest.mark.parametrize("who", ["anonymous", "student", "instructor"])
def test_a_private_transcript_is_not_found_by_others(client, graduate, codes, request, who):
    _choose(client, graduate, shown=list(codes.values()), public=False)
    token = Transcript.objects.get(user=graduate).token
    client.logout()
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    for suffix in ("/", ".pdf", ".json"):
        assert client.get(f"/fr/transcript/{token}{suffix}").status_code == 404


def test_the_owner_and_moderators_still_open_a_private_transcript(
    client, graduate, codes, moderator
):
    _choose(client, graduate, shown=list(codes.values()), public=False)
    token = Transcript.objects.get(user=graduate).token

    assert client.get(f"/fr/transcript/{token}/").status_code == 200
    client.force_login(moderator)
    assert client.get(f"/fr/transcript/{token}/").status_code == 200


def test_an_unknown_transcript_is_not_found(client, db):
    assert client.get("/fr/transcript/not-a-token/").status_code == 404


def test_showing_someone_elses_credential_is_refused_and_changes_nothing(client, graduate, codes):
    _choose(client, graduate, shown=list(codes.values()), public=False)
    before = Transcript.objects.values().get(user=graduate)

    response = _choose(client, graduate, shown=["BSA-2222-3333"], public=True, language="en")

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert Transcript.objects.values().get(user=graduate) == before


def test_a_revoked_badge_leaves_the_transcript(client, graduate, codes, award, moderator):
    _choose(client, graduate, shown=list(codes.values()))
    badges.revoke(award=award, reason="Erreur", revoked_by=moderator)
    token = Transcript.objects.get(user=graduate).token

    page = client.get(f"/fr/transcript/{token}/").content.decode()

    assert codes["certificate"] in page and codes["badge"] not in page


def test_the_pdf_lists_each_credential_in_both_languages(client, graduate, codes, tmp_path):
    _choose(client, graduate, shown=list(codes.values()))
    token = Transcript.objects.get(user=graduate).token
    client.logout()

    response = client.get(f"/en/transcript/{token}.pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "transcript.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    for expected in (
        "Relevé de certificats et de badges",
        "Transcript of certificates and badges",
        "Linda Tchoua",
        "Teint parfait",
        "Flawless complexion",
        "Experte du teint",
        "Complexion expert",
        "6,5 h",
        codes["certificate"],
        codes["badge"],
    ):
        assert expected in text, expected
    # The addresses wrap inside their column: read them without the line breaks.
    unwrapped = "".join(text.split())
    for code in codes.values():
        assert f"http://testserver/fr/verify/{code}" in unwrapped


def test_the_bundle_is_signed_and_verifies_credential_by_credential(client, graduate, codes):
    _choose(client, graduate, shown=list(codes.values()))
    token = Transcript.objects.get(user=graduate).token

    bundle = client.get(f"/en/transcript/{token}.json").json()
    response = client.post("/en/verify/credential", {"credential": json.dumps(bundle)})

    assert bundle["type"] == ["VerifiablePresentation"]
    assert len(bundle["verifiableCredential"]) == 2
    assert check_credential(bundle).status == "valid"
    page = response.content.decode()
    assert response.status_code == 200
    assert "This file is exactly as the academy signed it." in page
    assert codes["certificate"] in page and codes["badge"] in page


def test_a_bundle_with_a_credential_added_fails(client, graduate, codes):
    _choose(client, graduate, shown=[codes["certificate"]])
    token = Transcript.objects.get(user=graduate).token
    bundle = client.get(f"/fr/transcript/{token}.json").json()
    forged = copy.deepcopy(bundle)
    forged["verifiableCredential"].append(copy.deepcopy(forged["verifiableCredential"][0]))

    response = client.post("/fr/verify/credential", {"credential": json.dumps(forged)})

    assert response.status_code == 400
    assert "La signature ne correspond pas." in response.content.decode()


def test_someone_without_credentials_gets_an_empty_transcript(client, db):
    person = make_person("vide@example.cm", is_student=True)
    client.force_login(person)

    response = client.post("/fr/transcript/", {"is_public": "on"})

    assert response.status_code == 302
    token = Transcript.objects.get(user=person).token
    assert "Aucun certificat ni badge" in client.get(f"/fr/transcript/{token}/").content.decode()
