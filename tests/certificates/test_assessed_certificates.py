"""A course that requires a final assessment: its certificate waits for the exam (and
the graded practical part), then states "assessed" and the grade band on the page, the
PDF, the verification page and in what is signed. Certificates of other courses sign
exactly what they did."""

import subprocess

import pytest

from certificates import documents, services
from certificates.documents import check_credential, data_signature_matches, signed_data
from certificates.models import Certificate
from enrolment.assessments import services as exams
from enrolment.assessments.grades import Grade, band_for

from ..enrolment import exam_kit
from ..enrolment.exam_kit import answer_key, finish_lessons, graduate, wrong_answers

exam_site = exam_kit.exam_site  # the fixture


def sit_exam(student, site, answers):
    attempt = exams.start_exam(user=student, course=site["course"])
    return exams.submit_exam(
        user=student,
        course=site["course"],
        attempt_id=attempt.pk,
        answers={qid: answers[qid] for qid in attempt.question_ids},
    )


def assessed_graduate(site, capture, *, rubric_score=4):
    student = graduate()
    with capture(execute=True):
        finish_lessons(student, site, rubric_score=rubric_score)
    assert not Certificate.objects.filter(user=student).exists()
    with capture(execute=True):
        sit_exam(student, site, answer_key(site))
    return student


@pytest.mark.django_db
def test_finishing_the_lessons_alone_issues_no_certificate(
    exam_site, django_capture_on_commit_callbacks
):
    student = graduate()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = finish_lessons(student, exam_site)

    assert enrolment.status == "completed"
    assert services.issue_for_enrolment(enrolment_id=enrolment.pk) is None
    assert not Certificate.objects.exists()


@pytest.mark.django_db
def test_a_failed_exam_issues_no_certificate(exam_site, django_capture_on_commit_callbacks):
    student = graduate()
    finish_lessons(student, exam_site)

    with django_capture_on_commit_callbacks(execute=True):
        sit_exam(student, exam_site, wrong_answers(exam_site))

    assert not Certificate.objects.exists()


@pytest.mark.django_db
def test_passing_the_exam_issues_an_assessed_certificate_with_its_grade(
    exam_site, django_capture_on_commit_callbacks
):
    student = assessed_graduate(exam_site, django_capture_on_commit_callbacks)

    certificate = Certificate.objects.get(user=student)
    # Exam 100 %, practical 4/5 = 80 %: 90 % combined.
    assert (certificate.grade_band, certificate.assessment_score) == ("distinction", 90)
    assert signed_data(certificate)["assessment"] == {"grade": "distinction", "score": 90}
    assert data_signature_matches(certificate)
    assert check_credential(certificate.credential).status == "valid"
    subject = certificate.credential["credentialSubject"]
    assert subject["result"] == [{"type": ["Result"], "value": "distinction"}]
    narrative = subject["achievement"]["criteria"]["narrative"]
    assert "Évaluation finale réussie : Très bien (90 %)." in narrative
    assert "Final assessment passed: Distinction (90 %)." in narrative


@pytest.mark.django_db
def test_a_low_practical_grade_lowers_the_band(exam_site, django_capture_on_commit_callbacks):
    student = assessed_graduate(exam_site, django_capture_on_commit_callbacks, rubric_score=1)

    certificate = Certificate.objects.get(user=student)
    # Exam 100 %, practical 1/5 = 20 %: 60 % combined, a pass.
    assert (certificate.grade_band, certificate.assessment_score) == ("pass", 60)


def test_the_bands_have_one_set_of_thresholds():
    assert [band_for(score) for score in (0, 69, 70, 84, 85, 100)] == [
        Grade.PASS,
        Grade.PASS,
        Grade.MERIT,
        Grade.MERIT,
        Grade.DISTINCTION,
        Grade.DISTINCTION,
    ]


@pytest.mark.django_db
def test_tampering_with_the_grade_breaks_the_signature(
    exam_site, django_capture_on_commit_callbacks
):
    student = assessed_graduate(exam_site, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(user=student)

    certificate.grade_band = "merit"
    forged = {**certificate.credential}
    forged["credentialSubject"] = {
        **forged["credentialSubject"],
        "result": [{"type": ["Result"], "value": "pass"}],
    }

    assert not data_signature_matches(certificate)
    assert check_credential(forged).status == "tampered"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Évalué</strong> · Très bien (90 %)"),
        ("en", "Assessed</strong> · Distinction (90 %)"),
    ],
)
def test_the_verification_and_certificate_pages_state_the_grade(
    client, exam_site, django_capture_on_commit_callbacks, language, expected
):
    student = assessed_graduate(exam_site, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(user=student)

    verify = client.get(certificate.get_verify_url(language)).content.decode()
    client.force_login(student)
    mine = client.get(f"/{language}/certificates/").content.decode()

    assert expected in verify
    assert expected in mine


@pytest.mark.django_db
def test_the_pdf_states_assessed_and_the_grade_in_both_languages(
    exam_site, django_capture_on_commit_callbacks, tmp_path
):
    student = assessed_graduate(exam_site, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(user=student)
    path = tmp_path / "certificate.pdf"
    with certificate.pdf.open("rb") as handle:
        path.write_bytes(handle.read())

    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\xa0", " ")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout

    assert "Évaluation finale réussie, mention Très bien (90 %)" in text
    assert "Assessed: Distinction (90 %)" in text
    assert "Pages:           1" in info


@pytest.mark.django_db
def test_a_certificate_of_a_course_without_assessment_signs_what_it_did(certificate):
    assert not certificate.is_assessed
    assert "assessment" not in signed_data(certificate)
    assert "result" not in certificate.credential["credentialSubject"]
    assert data_signature_matches(certificate)
    assert documents.check_credential(certificate.credential).status == "valid"
