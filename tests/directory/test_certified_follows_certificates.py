"""The "certified" mark of a search row follows the person's certificates: issued, the
professional appears under "certified only"; revoked, she leaves it."""

import pytest

from certificates import services as certificates
from certificates.models import Certificate
from directory.models import ProfessionalListing
from enrolment import services as learning
from enrolment.models import Enrolment
from tests.certificates.conftest import build_certificate_course
from tests.conftest import make_person

from .builders import build_directory, make_professional

pytestmark = pytest.mark.django_db

URL = "/fr/professionnelles/"


@pytest.fixture
def course_site(db):
    course_site = build_certificate_course()
    return {**course_site, "directory_index": build_directory()["index"]}


def finish_course(user, course_site):
    """Complete every lesson; the certificate itself is issued by the test."""
    learning.enrol(user=user, course=course_site["course"])
    for lesson in course_site["lessons"]:
        learning.mark_complete(user=user, lesson=lesson)
    return Enrolment.objects.get(user=user, course=course_site["course"])


def certified_titles(client):
    response = client.get(URL, {"certified": "on"})
    return [card["page"].title for card in response.context["cards"]]


def issue(enrolment, capture):
    with capture(execute=True):
        return certificates.issue_for_enrolment(enrolment_id=enrolment.pk)


def test_an_issued_certificate_marks_the_professional_certified(
    client, course_site, django_capture_on_commit_callbacks
):
    awa = make_professional(course_site["directory_index"], "Studio Awa")
    enrolment = finish_course(awa.user, course_site)
    assert certified_titles(client) == []

    issue(enrolment, django_capture_on_commit_callbacks)

    assert ProfessionalListing.objects.get(pk=awa.pk).is_certified
    assert certified_titles(client) == ["Studio Awa"]


def test_a_revoked_certificate_takes_the_mark_away(
    client, course_site, moderator, django_capture_on_commit_callbacks
):
    awa = make_professional(course_site["directory_index"], "Studio Awa")
    certificate = issue(finish_course(awa.user, course_site), django_capture_on_commit_callbacks)
    assert certified_titles(client) == ["Studio Awa"]

    with django_capture_on_commit_callbacks(execute=True):
        certificates.revoke(certificate=certificate, reason="Fraude", revoked_by=moderator)

    assert not ProfessionalListing.objects.get(pk=awa.pk).is_certified
    assert certified_titles(client) == []


def test_a_graduate_without_a_professional_page_just_gets_her_certificate(
    course_site, django_capture_on_commit_callbacks
):
    student = make_person("linda@example.cm", first_name="Linda", last_name="Tchoua")
    certificate = issue(finish_course(student, course_site), django_capture_on_commit_callbacks)
    assert Certificate.objects.filter(pk=certificate.pk, user=student).exists()
    assert not ProfessionalListing.objects.exists()
