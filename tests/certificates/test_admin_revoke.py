"""Moderators revoke a certificate from the Wagtail admin, with a reason."""

from django.urls import reverse

from certificates.models import Certificate
from tests.conftest import make_person


def inspect_url(certificate):
    return reverse("certificate_admin:inspect", args=[certificate.pk])


def test_a_moderator_finds_and_revokes_a_certificate(client, certificate, moderator):
    client.force_login(moderator)

    listing = client.get(reverse("certificate_admin:index"), {"q": certificate.code})
    response = client.post(inspect_url(certificate), {"reason": "Identité usurpée"})

    assert certificate.code in listing.content.decode()
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert certificate.revocation_reason == "Identité usurpée"
    assert certificate.revoked_by == moderator
    page = client.get(f"/en/verify/{certificate.code}").content.decode()
    assert "This certificate has been revoked" in page and "Identité usurpée" in page


def test_revoking_needs_a_reason(client, certificate, moderator):
    client.force_login(moderator)

    response = client.post(inspect_url(certificate), {"reason": "   "})

    assert response.status_code == 400
    assert not Certificate.objects.get(pk=certificate.pk).is_revoked


def test_a_revoked_certificate_cannot_be_revoked_twice(client, certificate, moderator):
    client.force_login(moderator)
    client.post(inspect_url(certificate), {"reason": "Première fois"})

    response = client.post(inspect_url(certificate), {"reason": "Deuxième fois"})

    assert response.status_code == 400
    assert Certificate.objects.get(pk=certificate.pk).revocation_reason == "Première fois"


def test_an_instructor_cannot_revoke(client, certificate, instructor):
    client.force_login(instructor)

    response = client.post(inspect_url(certificate), {"reason": "Non"})

    assert response.status_code in (302, 403)
    assert not Certificate.objects.get(pk=certificate.pk).is_revoked


def test_a_student_cannot_open_the_admin_list(client, certificate):
    client.force_login(make_person("curious@example.cm", is_student=True))

    response = client.get(reverse("certificate_admin:index"))

    assert response.status_code in (302, 403)
    assert certificate.code not in response.content.decode()
