"""Demo certificates: the demo student holds one, loading twice changes nothing."""

import pytest
from django.db import transaction

from certificates.documents import data_signature_matches
from certificates.models import Certificate
from core.deferred_indexing import indexing_deferred
from course_pages.models import CoursePage, InstructorPage
from demo.loaders import catalogue as course_demo
from demo.loaders import certificates as certificates_demo
from demo.loaders import people as accounts_demo
from demo.loaders import site as home_demo

pytestmark = pytest.mark.demo_content


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with indexing_deferred():
            accounts_demo.load()
            home_demo.load()
            course_demo.load()
            certificates_demo.load()
        yield
        transaction.set_rollback(True)


def test_the_demo_student_holds_a_signed_certificate_with_its_pdf(demo, db):
    [certificate] = Certificate.objects.filter(user__email="student@demo.bsa")

    assert certificate.student_name == "Linda Tchoua"
    assert certificate.enrolment.status == "completed"
    assert data_signature_matches(certificate)
    assert certificate.pdf.storage.exists(certificate.pdf.name)


def test_demo_instructors_sign_and_courses_use_the_three_designs(demo, db):
    assert not InstructorPage.objects.filter(signature__isnull=True).exists()
    designs = set(CoursePage.objects.values_list("certificate_template", flat=True))
    assert {"classic", "modern", "minimal"} <= designs


def test_loading_the_demo_again_issues_nothing_new(demo, db):
    before = list(Certificate.objects.values_list("code", flat=True))

    certificates_demo.load()

    assert list(Certificate.objects.values_list("code", flat=True)) == before
