"""A person's exam attempts on the support panel: latest first, bounded, in the
moderator's language, with the extra-attempt action where it applies; the page's
queries do not grow with her attempts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import MODERATORS_GROUP
from enrolment.assessments.selectors import SUPPORT_ATTEMPTS
from enrolment.models import ExamAttempt

from ..conftest import make_person
from ..query_counts import counted_queries
from . import exam_kit
from .exam_kit import finish_lessons, graduate
from .test_exam_attempts_admin import prefer_admin_language, sat

exam_site = exam_kit.exam_site  # the fixture

pytestmark = pytest.mark.django_db


def moderator(language="fr"):
    person = make_person("modo@example.cm", groups=[MODERATORS_GROUP], is_staff=True)
    prefer_admin_language(person, language)
    return person


def older_attempts(enrolment, count):
    """`count` failed attempts, a day apart, before the ones she has."""
    now = timezone.now()
    ExamAttempt.objects.bulk_create(
        ExamAttempt(
            enrolment=enrolment,
            assessment_id="a",
            question_ids=["q"],
            started_at=now - timedelta(days=day + 2),
            deadline=now - timedelta(days=day + 2) + timedelta(minutes=10),
            status=ExamAttempt.Status.FAILED,
            score_percent=day,
            handed_in_at=now - timedelta(days=day + 2),
        )
        for day in range(count)
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["Tentatives d’examen", "Non réussi", "Accorder une tentative supplémentaire"]),
        ("en", ["Exam attempts", "Not passed", "Grant one extra attempt"]),
    ],
)
def test_the_support_page_lists_her_exam_attempts(client, exam_site, language, words):
    student, attempt = sat(exam_site, "nadia@example.cm")
    client.force_login(moderator(language))

    html = client.get(f"/admin/support/{student.pk}/").content.decode()

    assert all(word in html for word in words), [w for w in words if w not in html]
    assert f"/admin/support/{student.pk}/exam_retake/{attempt.pk}/" in html


def test_only_the_latest_attempt_offers_an_extra_one(client, exam_site):
    student, attempt = sat(exam_site, "nadia@example.cm")
    older_attempts(attempt.enrolment, 2)
    client.force_login(moderator())

    html = client.get(f"/admin/support/{student.pk}/").content.decode()

    assert html.count("/exam_retake/") == 1
    assert f"/exam_retake/{attempt.pk}/" in html


def test_someone_without_attempts_sees_a_plain_line(client, exam_site):
    student = graduate("awa@example.cm", first_name="Awa")
    finish_lessons(student, exam_site)
    client.force_login(moderator())

    html = client.get(f"/admin/support/{student.pk}/").content.decode()

    assert "Aucune tentative d’examen." in html


def test_the_list_is_bounded_and_costs_the_same_queries(client, exam_site):
    student, attempt = sat(exam_site, "nadia@example.cm")
    client.force_login(moderator())
    url = f"/admin/support/{student.pk}/"
    client.get(url)
    with counted_queries() as one:
        client.get(url)
    older_attempts(attempt.enrolment, SUPPORT_ATTEMPTS + 5)

    with counted_queries() as many:
        html = client.get(url).content.decode()

    assert len(many) == len(one)
    # No more than the bound, however many she has.
    assert html.count("Non réussi") <= SUPPORT_ATTEMPTS
