"""Each list endpoint costs the same number of queries with three times more items."""

import pytest
from django.test import Client

from enrolment import services as learning

from ..course_pages.builders import make_course, make_instructor
from ..directory.builders import make_professional
from ..query_counts import warm_queries

pytestmark = pytest.mark.django_db


def _courses(world, first, last):
    return [
        make_course(
            world["catalogue"],
            world["teacher_page"],
            title=f"Cours {number:02d}",
            slug=f"cours-{number:02d}",
        )
        for number in range(first, last)
    ]


@pytest.mark.parametrize("query", ["", "?q=cours", "?sort=popular&level=beginner", "?price=free"])
def test_catalogue(world, query):
    client = Client()
    _courses(world, 0, 3)
    few = warm_queries(client, f"/api/v1/courses/{query}")
    _courses(world, 3, 9)

    assert warm_queries(client, f"/api/v1/courses/{query}") == few


def test_instructors(world):
    client = Client()
    make_instructor("one@example.cm", index=world["instructors"], title="Ama One")
    few = warm_queries(client, "/api/v1/instructors/")
    for number in range(3):
        make_instructor(f"more{number}@example.cm", index=world["instructors"], title=f"B {number}")

    assert warm_queries(client, "/api/v1/instructors/") == few


@pytest.mark.parametrize("query", ["", "?q=coiffure", "?sort=rating&certified=on"])
def test_directory_search(world, query):
    client = Client()
    for number in range(2):
        make_professional(world["index"], f"Coiffure {number}", services=[("braiding", 5000)])
    few = warm_queries(client, f"/api/v1/professionals/{query}")
    for number in range(2, 8):
        make_professional(world["index"], f"Coiffure {number}", services=[("braiding", 5000)])

    assert warm_queries(client, f"/api/v1/professionals/{query}") == few


def test_my_enrolments(world, student_api):
    student = world["student"]
    for course in _courses(world, 0, 2):
        learning.enrol(user=student, course=course)
    few = warm_queries(student_api, "/api/v1/me/enrolments/")
    for course in _courses(world, 2, 8):
        learning.enrol(user=student, course=course)

    assert warm_queries(student_api, "/api/v1/me/enrolments/") == few
