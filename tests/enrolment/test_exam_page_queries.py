"""The exam page's SQL queries: a fixed budget in French and in English, the same
however many attempts she has, and no lookup of the course in the reader's language
when the page already is in it (review finding on `_shown`)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from enrolment.assessments import services as exam_services
from enrolment.models import ExamAttempt

from ..query_counts import counted_queries
from . import exam_kit
from .exam_kit import exam_url, finish_lessons, graduate

exam_site = exam_kit.exam_site  # the fixture

pytestmark = pytest.mark.django_db

# Measured: 13 (fr) and 14 (en) before the review fix; the English page also looks up
# the French course its state points at.
BUDGET = {"fr": 10, "en": 11}


def page_queries(client, url):
    assert client.get(url).status_code == 200
    with counted_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200
    return queries


def earlier_attempts(enrolment, count):
    now = timezone.now()
    ExamAttempt.objects.bulk_create(
        ExamAttempt(
            enrolment=enrolment,
            assessment_id="a",
            question_ids=["q"],
            started_at=now - timedelta(days=day + 2),
            deadline=now - timedelta(days=day + 2, minutes=-10),
            status=ExamAttempt.Status.FAILED,
            score_percent=10,
        )
        for day in range(count)
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_exam_page_keeps_to_its_budget_however_many_attempts(
    client, exam_site, language, record_property
):
    student = graduate()
    enrolment = finish_lessons(student, exam_site)
    exam_services.start_exam(user=student, course=exam_site["course"])
    client.force_login(student)
    url = exam_url(exam_site, language=language)

    one = page_queries(client, url)
    earlier_attempts(enrolment, 5)
    six = page_queries(client, url)

    figure = f"exam page ({language}): {len(one)} queries with 1 attempt, {len(six)} with 6"
    print(figure)
    record_property("bench figures", figure)
    assert len(one) == len(six) <= BUDGET[language]


def test_the_french_page_does_not_look_for_its_own_translation(client, exam_site):
    student = graduate()
    finish_lessons(student, exam_site)
    exam_services.start_exam(user=student, course=exam_site["course"])
    client.force_login(student)

    queries = page_queries(client, exam_url(exam_site))

    assert not [sql for sql in queries if '"translation_key" = ' in sql], queries
