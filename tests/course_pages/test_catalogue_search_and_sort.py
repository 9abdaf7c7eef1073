"""Catalogue search blind to accents and case, sorting, a folded filter panel, and
search and filters kept across the language switch."""

import re
from html import unescape

import pytest

from demo.loaders import site as home_demo
from enrolment.services import enrol

from ..conftest import make_person
from ..shared_build import built_once_per_module
from .builders import build_site, make_course, make_instructor
from .test_catalogue import titles


def build_catalogue_with_an_instructor():
    data = build_site()
    _, data["instructor_page"] = make_instructor("aicha@example.cm", index=data["instructors"])
    return data


# Built once for the module (tests/shared_build.py), each test in a savepoint.
site = built_once_per_module(build_catalogue_with_an_instructor, "site")


def courses(site):
    teacher = site["instructor_page"]
    make_course(site["catalogue"], teacher, title="Maquillage de mariée", price_xaf=15000)
    make_course(site["catalogue"], teacher, title="Tresses collées", price_xaf=0)
    return make_course(site["catalogue"], teacher, title="Ongles en gel", price_xaf=5000)


@pytest.mark.parametrize("query", ["mariee", "MARIEE", "Mariée", "MARIÉE", "mariée"])
@pytest.mark.django_db
def test_search_finds_a_course_whatever_the_accents_and_case(client, site, query):
    courses(site)

    response = client.get("/fr/formations/", {"q": query})

    assert titles(response) == ["Maquillage de mariée"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("price", ["Tresses collées", "Ongles en gel", "Maquillage de mariée"]),
        ("-price", ["Maquillage de mariée", "Ongles en gel", "Tresses collées"]),
        ("newest", ["Ongles en gel", "Tresses collées", "Maquillage de mariée"]),
        ("popular", ["Ongles en gel", "Maquillage de mariée", "Tresses collées"]),
    ],
)
@pytest.mark.django_db
def test_catalogue_sorts_by_newest_price_and_popularity(client, site, sort, expected):
    popular = courses(site)
    for number in range(2):
        enrol(user=make_person(f"eleve{number}@example.cm", is_student=True), course=popular)

    response = client.get("/fr/formations/", {"sort": sort})

    assert titles(response) == expected


@pytest.mark.django_db
def test_popularity_counts_french_enrolments_in_the_english_catalogue(client, site):
    popular = courses(site)
    for course in [popular, *popular.get_siblings(inclusive=False).specific()]:
        home_demo.translate_page(course, site["en"], title=f"EN {course.title}", slug=course.slug)
    enrol(user=make_person("eleve@example.cm", is_student=True), course=popular)

    response = client.get("/en/courses/", {"sort": "popular"})

    assert titles(response)[0] == "EN Ongles en gel"


@pytest.mark.django_db
def test_a_bad_sort_is_refused_with_a_message_and_the_panel_open(client, site):
    courses(site)

    html = client.get("/fr/formations/", {"sort": "cheapest"}).content.decode()

    assert re.search(r'<details class="filters" open>', html)
    assert "Sélectionnez un choix valide" in html


@pytest.mark.django_db
def test_filter_panel_stays_folded_after_a_search_so_results_come_first(client, site):
    courses(site)

    html = client.get("/fr/formations/", {"q": "mariee", "sort": "price"}).content.decode()

    assert '<details class="filters">' in html
    assert html.index('name="q"') < html.index("card-title")


@pytest.mark.django_db
def test_language_switcher_keeps_search_and_filters(client, site):
    courses(site)

    html = client.get(
        "/fr/formations/", {"q": "mariee", "category": "maquillage", "sort": "price"}
    ).content.decode()

    switch = unescape(re.search(r'<a href="([^"]+)" hreflang="en"', html).group(1))
    assert switch == "/en/courses/?q=mariee&category=maquillage&sort=price"
    assert 'rel="alternate" hreflang="en" href="http://testserver/en/courses/"' in html


@pytest.mark.django_db
def test_a_french_category_slug_is_understood_by_the_english_catalogue(client, site):
    course = courses(site)
    home_demo.translate_page(
        course, site["en"], title="Gel nails", slug="gel-nails", category=site["category_en"]
    )

    response = client.get("/en/courses/", {"category": "maquillage"})

    assert response.status_code == 200
    assert titles(response) == ["Gel nails"]
    assert 'value="make-up" selected' in response.content.decode()
