"""Catalogue, course, curriculum and instructor pages cost a fixed number of queries,
within the public-page budget, when three times more items are shown."""

import pytest
from django.test import Client

from course_pages.models import CurriculumIndexPage, CurriculumPage

from ..query_counts import PUBLIC_PAGE_BUDGET, warm_queries
from .builders import make_course, make_instructor, make_lesson

pytestmark = pytest.mark.django_db

# Rendered (the page cache off), once the route and the chrome are in the cache: the
# page itself, its listing or lessons, images and renditions (SQLite counts); the course
# page also reads the courses its students also took.
CATALOGUE_QUERIES = 8
COURSE_PAGE_QUERIES = 7
INSTRUCTOR_PAGE_QUERIES = 5
CURRICULUM_PAGE_QUERIES = 3


def _courses(site, teacher, first, last):
    return [
        make_course(
            site["catalogue"],
            teacher,
            title=f"Cours {number:02d}",
            slug=f"cours-{number:02d}",
            price_xaf=1000 * (number % 3),
        )
        for number in range(first, last)
    ]


@pytest.fixture
def teacher(site):
    return make_instructor("grace@example.cm", index=site["instructors"], title="Grace Fon")[1]


@pytest.mark.parametrize(
    "query",
    ["", "?category=maquillage&level=beginner", "?q=cours", "?price=paid", "?page=2"],
)
def test_catalogue_costs_the_same_with_three_times_more_courses(site, teacher, query):
    client = Client()
    url = f"/fr/formations/{query}"
    _courses(site, teacher, 0, 13)
    few = warm_queries(client, url)
    _courses(site, teacher, 13, 39)

    assert warm_queries(client, url) == few
    assert few <= CATALOGUE_QUERIES <= PUBLIC_PAGE_BUDGET


def test_course_page_costs_the_same_with_three_times_more_lessons(site, teacher):
    client = Client()
    course = _courses(site, teacher, 0, 1)[0]
    for number in range(4):
        make_lesson(course, title=f"Leçon {number}", slug=f"lecon-{number}")
    few = warm_queries(client, course.url)
    for number in range(4, 12):
        make_lesson(course, title=f"Leçon {number}", slug=f"lecon-{number}")

    assert warm_queries(client, course.url) == few
    assert few <= COURSE_PAGE_QUERIES <= PUBLIC_PAGE_BUDGET


def test_instructor_page_costs_the_same_with_three_times_more_courses(site, teacher):
    client = Client()
    _courses(site, teacher, 0, 3)
    few = warm_queries(client, teacher.url)
    _courses(site, teacher, 3, 9)

    assert warm_queries(client, teacher.url) == few
    assert few <= INSTRUCTOR_PAGE_QUERIES <= PUBLIC_PAGE_BUDGET


def test_curriculum_page_costs_the_same_with_three_times_more_courses(site, teacher):
    client = Client()
    courses = _courses(site, teacher, 0, 9)
    index = site["home"].add_child(instance=CurriculumIndexPage(title="Parcours", slug="parcours"))
    curriculum = index.add_child(
        instance=CurriculumPage(
            title="Pro", slug="pro", courses=[("course", course) for course in courses[:3]]
        )
    )
    few = warm_queries(client, curriculum.url)
    curriculum.courses = [("course", course) for course in courses]
    curriculum.save()

    assert warm_queries(client, curriculum.url) == few
    assert few <= CURRICULUM_PAGE_QUERIES <= PUBLIC_PAGE_BUDGET
