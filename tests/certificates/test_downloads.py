"""Who may download a certificate: its owner (while valid) and moderators; nobody else."""

import json

import pytest

from certificates import pdf
from certificates.selectors import valid_certificates_for
from certificates.services import revoke
from tests.conftest import make_person


def test_the_owner_downloads_the_stored_pdf(client, certificate, graduate, monkeypatch):
    with certificate.pdf.open("rb") as handle:
        stored = handle.read()
    # Served from storage: rendering again would be a bug.
    monkeypatch.setattr(pdf, "render_pdf", lambda _certificate: pytest.fail("rendered again"))
    client.force_login(graduate)

    response = client.get(f"/fr/certificates/{certificate.code}.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == stored
    assert f'filename="{certificate.code}.pdf"' in response["Content-Disposition"]


def test_a_missing_pdf_is_rendered_and_stored_on_first_download(client, certificate, graduate):
    certificate.pdf.storage.delete(certificate.pdf.name)
    client.force_login(graduate)

    response = client.get(f"/en/certificates/{certificate.code}.pdf")

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    certificate.refresh_from_db()
    assert certificate.pdf.storage.exists(certificate.pdf.name)


def test_another_student_gets_not_found(client, certificate):
    client.force_login(make_person("other@example.cm", is_student=True))

    assert client.get(f"/fr/certificates/{certificate.code}.pdf").status_code == 404
    assert client.get(f"/fr/certificates/{certificate.code}.json").status_code == 404
    assert client.get("/fr/certificates/BSA-2222-2222.pdf").status_code == 404


def test_an_anonymous_visitor_is_asked_to_log_in(client, certificate):
    response = client.get(f"/fr/certificates/{certificate.code}.pdf")

    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_a_moderator_downloads_any_certificate(client, certificate, moderator):
    client.force_login(moderator)

    response = client.get(f"/fr/certificates/{certificate.code}.pdf")

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_owner_downloads_the_open_badges_file(client, certificate, graduate):
    client.force_login(graduate)

    response = client.get(f"/fr/certificates/{certificate.code}.json")

    assert response.status_code == 200
    assert json.loads(response.content) == certificate.credential
    assert "attachment" in response["Content-Disposition"]


def test_a_revoked_certificate_is_no_longer_downloadable_by_its_owner(
    client, certificate, graduate, moderator
):
    revoke(certificate=certificate, reason="Erreur", revoked_by=moderator)
    client.force_login(graduate)

    assert client.get(f"/fr/certificates/{certificate.code}.pdf").status_code == 404
    page = client.get("/fr/certificates/").content.decode()
    assert "Révoqué le" in page and "Erreur" in page
    assert valid_certificates_for(user=graduate).count() == 0


def test_my_certificates_lists_them_with_their_links(client, certificate, graduate):
    client.force_login(graduate)

    page = client.get("/en/certificates/").content.decode()

    assert "Flawless complexion" in page
    assert f"/en/certificates/{certificate.code}.pdf" in page
    assert f"/en/certificates/{certificate.code}.json" in page
    assert f"/en/verify/{certificate.code}" in page


def test_the_account_dashboard_shows_my_certificates(client, certificate, graduate):
    client.force_login(graduate)

    page = client.get("/fr/account/").content.decode()

    assert "Mes certificats" in page
    assert "Teint parfait" in page
    assert f"/fr/certificates/{certificate.code}.pdf" in page


def test_my_certificates_needs_a_login(client, db):
    response = client.get("/fr/certificates/")

    assert response.status_code == 302


def test_valid_certificates_for_gives_what_the_directory_shows(
    certificate, graduate, django_assert_max_num_queries
):
    from django.utils import translation

    with django_assert_max_num_queries(1):
        [found] = list(valid_certificates_for(user=graduate))
    assert found.code == certificate.code
    assert found.get_verify_url() == f"/fr/verify/{certificate.code}"
    assert found.get_verify_url("en") == f"/en/verify/{certificate.code}"
    with translation.override("en"):
        assert found.course_title == "Flawless complexion"
        assert found.get_verify_url() == f"/en/verify/{certificate.code}"
    assert found.course_title == "Teint parfait"
