"""A completed course issues one certificate through the task, and only then."""

import re

from django.core import mail

from certificates import codes, tasks
from certificates.models import Certificate
from enrolment import services as learning
from enrolment.models import Enrolment

from ..conftest import make_person
from .conftest import SKILLS_EN, SKILLS_FR, complete_course


def test_completing_a_course_issues_a_certificate_with_what_was_learnt(certificate, graduate):
    assert re.fullmatch(r"BSA-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", certificate.code)
    assert certificate.student_name == "Linda Tchoua"
    assert certificate.course_title_fr == "Teint parfait"
    assert certificate.course_title_en == "Flawless complexion"
    assert certificate.instructor_name == "Aïcha Mbarga"
    assert str(certificate.hours) == "6.5"
    assert certificate.skills == {"fr": SKILLS_FR, "en": SKILLS_EN}
    assert certificate.design == "modern"
    assert certificate.enrolment.status == Enrolment.Status.COMPLETED
    assert certificate.pdf.name.endswith(f"{certificate.code}.pdf")


def test_the_student_gets_one_email_in_their_language(
    certificate_course, django_capture_on_commit_callbacks
):
    student = make_person(
        "ann@example.cm", first_name="Ann", last_name="Fon", preferred_language="en"
    )

    complete_course(student, certificate_course, django_capture_on_commit_callbacks)

    certificate = student.certificates.get()
    [email] = mail.outbox
    assert email.to == ["ann@example.cm"]
    assert "Flawless complexion" in email.subject
    assert certificate.code in email.body
    assert f"http://testserver/en/verify/{certificate.code}" in email.body
    assert "http://testserver/en/certificates/" in email.body


def test_a_second_completion_event_issues_nothing_new(certificate, graduate):
    sent = len(mail.outbox)

    assert tasks.issue_certificate.delay(certificate.enrolment_id).get() == certificate.code
    tasks.issue_certificate.delay(certificate.enrolment_id)

    assert Certificate.objects.filter(user=graduate).count() == 1
    assert Certificate.objects.get(user=graduate).code == certificate.code
    assert len(mail.outbox) == sent


def test_a_refunded_student_gets_no_certificate(
    certificate_course, django_capture_on_commit_callbacks
):
    student = make_person("refunded@example.cm", first_name="Rita", last_name="Ndi")
    learning.enrol(user=student, course=certificate_course["course"])
    for lesson in certificate_course["lessons"]:
        learning.mark_complete(user=student, lesson=lesson)
    # The refund removes access before the queued job runs.
    learning.revoke(user=student, course=certificate_course["course"])
    enrolment = Enrolment.objects.get(user=student)

    assert tasks.issue_certificate.delay(enrolment.pk).get() == "nothing to issue"
    assert not Certificate.objects.filter(user=student).exists()
    assert mail.outbox == []


def test_a_student_who_has_not_finished_gets_no_certificate(certificate_course):
    student = make_person("halfway@example.cm")
    enrolment, _ = learning.enrol(user=student, course=certificate_course["course"])
    learning.mark_complete(user=student, lesson=certificate_course["lessons"][0])

    assert tasks.issue_certificate.delay(enrolment.pk).get() == "nothing to issue"
    assert tasks.issue_certificate.delay(999_999).get() == "nothing to issue"
    assert not Certificate.objects.filter(user=student).exists()


def test_a_revoked_certificate_is_not_issued_again(certificate, graduate, moderator):
    from certificates.services import revoke

    revoke(certificate=certificate, reason="Fraude à l'examen", revoked_by=moderator)

    assert tasks.issue_certificate.delay(certificate.enrolment_id).get() == "nothing to issue"
    [only] = Certificate.objects.filter(user=graduate)
    assert only.code == certificate.code and only.is_revoked


def test_ids_are_random_and_typable():
    seen = {codes.new_code() for _ in range(500)}

    assert len(seen) == 500
    assert all(codes.normalise(code) == code for code in seen)
    assert not any(char in "01OI" for code in seen for char in code[4:])


def test_typed_ids_are_normalised_and_bad_ones_refused():
    assert codes.normalise(" bsa 7k3q 9f2m ") == "BSA-7K3Q-9F2M"
    assert codes.normalise("bsa7k3q9f2m") == "BSA-7K3Q-9F2M"
    assert codes.normalise("7K3Q-9F2M") == "BSA-7K3Q-9F2M"
    assert codes.normalise("BSA--7K3Q--9F2M") == "BSA-7K3Q-9F2M"
    for bad in [
        "",
        "BSA-7K3Q",
        "BSA-7K3Q-9F2M-AAAA",
        "BSA-0K3Q-9F2M",
        "BSA-IK3Q-9F2M",
        "<script>",
        None,
    ]:
        assert codes.normalise(bad) is None


def test_a_full_refund_after_the_certificate_revokes_it_publicly(
    certificate, graduate, certificate_course, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        learning.revoke(user=graduate, course=certificate_course["course"])

    certificate.refresh_from_db()
    assert certificate.is_revoked
    page = client.get(f"/en/verify/{certificate.code}/").content.decode()
    assert "Course access withdrawn (refund)" in page

    # A second revocation event changes nothing.
    revoked_at = certificate.revoked_at
    with django_capture_on_commit_callbacks(execute=True):
        learning.revoke(user=graduate, course=certificate_course["course"])
    certificate.refresh_from_db()
    assert certificate.revoked_at == revoked_at
