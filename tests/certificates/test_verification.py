"""The public verification pages: anyone, no login, no private data, a budget per IP."""

import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from certificates.services import revoke


def test_anyone_sees_a_valid_certificate_without_private_data(client, certificate):
    response = client.get(f"/fr/verify/{certificate.code}")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Certificat valide" in page
    assert "Linda Tchoua" in page
    assert "Teint parfait" in page
    assert "Aïcha Mbarga" in page
    assert "Beauty Skills Academy" in page
    assert "Signature vérifiée ✓" in page
    assert "linda@example.cm" not in page
    assert "no-store" in response["Cache-Control"]


def test_the_english_page_shows_the_english_title(client, certificate):
    response = client.get(f"/en/verify/{certificate.code}")

    page = response.content.decode()
    assert "Valid certificate" in page
    assert "Flawless complexion" in page
    assert "Prepare the skin" in page


def test_a_typed_id_in_any_case_with_spaces_lands_on_its_page(client, certificate):
    typed = certificate.code.lower().replace("-", " ")

    response = client.get("/en/verify/", {"code": f"  {typed} "})

    assert response.status_code == 302
    assert response.url == f"/en/verify/{certificate.code}"


def test_an_id_in_the_url_is_normalised_too(client, certificate):
    response = client.get(f"/fr/verify/{certificate.code.lower().replace('-', '')}")

    assert response.status_code == 301
    assert response.url == f"/fr/verify/{certificate.code}"


def test_a_malformed_id_in_the_form_says_what_an_id_looks_like(client, db):
    response = client.get("/en/verify/", {"code": "hello"})

    assert response.status_code == 400
    assert "This is not a certificate ID. IDs look like BSA-7K3Q-9F2M." in response.content.decode()


def test_a_malformed_id_in_the_url_is_not_found(client, db):
    response = client.get("/en/verify/not-an-id")

    assert response.status_code == 404
    assert "This is not a certificate ID" in response.content.decode()


def test_an_unknown_id_is_not_found(client, certificate):
    response = client.get("/en/verify/BSA-2222-2222")

    page = response.content.decode()
    assert response.status_code == 404
    assert "No certificate has the ID BSA-2222-2222" in page
    assert "Linda" not in page


def test_a_revoked_certificate_says_when_and_why(client, certificate, moderator):
    revoke(certificate=certificate, reason="Identity fraud", revoked_by=moderator)

    response = client.get(f"/en/verify/{certificate.code}")

    page = response.content.decode()
    assert response.status_code == 200
    assert "This certificate has been revoked" in page
    assert "Reason: Identity fraud" in page
    assert "Valid certificate" not in page


def test_lookups_are_limited_per_ip_with_a_translated_answer(client, certificate, settings):
    settings.CERTIFICATE_VERIFY_MAX_LOOKUPS = 3
    for _ in range(3):
        assert client.get("/fr/verify/BSA-2222-2222").status_code == 404

    refused = client.get(f"/fr/verify/{certificate.code}")
    other_ip = client.get(f"/fr/verify/{certificate.code}", REMOTE_ADDR="10.9.8.7")
    english = client.get(f"/en/verify/{certificate.code}")

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Trop de vérifications" in refused.content.decode()
    assert "Too many checks" in english.content.decode()
    assert other_ip.status_code == 200


def paste(client, document, language="en"):
    return client.post(f"/{language}/verify/credential", {"credential": json.dumps(document)})


def test_a_pasted_credential_is_checked_and_its_certificate_shown(client, certificate):
    response = paste(client, certificate.credential)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Signature checked ✓ This file is exactly as the academy signed it." in page
    assert "Linda Tchoua" in page


def test_an_uploaded_credential_file_is_checked(client, certificate):
    upload = SimpleUploadedFile(
        "certificate.json", json.dumps(certificate.credential).encode(), "application/json"
    )

    response = client.post("/en/verify/credential", {"upload": upload})

    assert response.status_code == 200
    assert "This file is exactly as the academy signed it" in response.content.decode()


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c["credentialSubject"]["identifier"][0].update(identityHash="Someone Else"),
        lambda c: c["credentialSubject"]["achievement"].update(name="Coiffure avancée"),
        lambda c: c.update(validFrom="2020-01-01T00:00:00Z"),
        lambda c: c["proof"].update(created="2020-01-01T00:00:00Z"),
        lambda c: c["proof"].update(proofValue="z" + "1" * 88),
    ],
)
def test_a_tampered_credential_does_not_match_its_signature(client, certificate, change):
    tampered = copy.deepcopy(certificate.credential)
    change(tampered)

    response = paste(client, tampered)

    page = response.content.decode()
    assert response.status_code == 400
    assert "The signature does not match." in page
    assert "Linda Tchoua" not in page


def test_a_credential_signed_by_someone_else_is_refused(client, certificate):
    foreign = copy.deepcopy(certificate.credential)
    foreign["proof"]["verificationMethod"] = "https://elsewhere.example/issuer#key-1"

    response = paste(client, foreign)

    assert response.status_code == 400
    assert "not signed by Beauty Skills Academy" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"credential": "{not json"}, "it is not valid JSON"),
        ({"credential": ""}, "Paste the JSON of a certificate or choose its file."),
        ({"credential": "[1, 2]"}, "This file is not a certificate of the academy."),
        ({"credential": "x" * 70_000}, "This text is too long to be a certificate."),
    ],
)
def test_bad_credential_input_gets_a_clear_answer(client, db, data, message):
    response = client.post("/en/verify/credential", data)

    assert response.status_code == 400
    assert message in response.content.decode()
