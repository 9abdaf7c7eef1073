"""The page cache and certificates (issue 19): a certificate issued, then revoked, shows
on the professional's cached profile at the next anonymous request. Its own module: it
builds a certificate course, not the site tests/core/test_page_cache.py shares."""

import pytest

from certificates import services as certificates

from ..certificates.conftest import build_certificate_course
from ..directory.builders import build_directory, make_professional
from ..directory.test_certified_follows_certificates import finish_course
from .test_page_cache import fetch

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate_site(db):
    return {**build_certificate_course(), "index": build_directory()["index"]}


def test_an_issued_then_revoked_certificate_shows_on_the_profile(
    client, certificate_site, moderator
):
    professional = make_professional(certificate_site["index"], "Studio Certifié")
    enrolment = finish_course(professional.user, certificate_site)
    assert "Certified by" not in fetch(client, "/en/").text  # fills nothing personal
    assert "Certifiée par" not in fetch(client, professional.url).text

    certificate = certificates.issue_for_enrolment(enrolment_id=enrolment.pk)

    text = fetch(client, professional.url).text
    assert certificate.course_title in text and certificate.get_verify_url() in text

    certificates.revoke(certificate=certificate, reason="Fraude", revoked_by=moderator)

    assert certificate.get_verify_url() not in fetch(client, professional.url).text
