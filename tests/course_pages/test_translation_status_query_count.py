"""The "Translation status" report's query count does not grow with its rows. Apart from
test_translation_status.py, which shares Awa's translated course built once per module:
this test makes a course of the same slug itself."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .builders import make_course, make_lesson
from .test_translation_status import sync_translation

URL = "/admin/translation-status/"


@pytest.mark.django_db
def test_the_query_count_does_not_grow_with_the_rows(
    client, site, awa, moderator, django_capture_on_commit_callbacks
):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    client.force_login(moderator)
    course = make_course(site["catalogue"], awa[1], title="Teint parfait", slug="teint-parfait")
    sync_translation(course, site["en"], django_capture_on_commit_callbacks)
    client.get(URL)
    few = count_queries()
    for number in range(6):
        lesson = make_lesson(course, title=f"Leçon {number}", slug=f"lecon-{number}")
        if number % 2:
            sync_translation(lesson, site["en"], django_capture_on_commit_callbacks)

    assert count_queries() == few
