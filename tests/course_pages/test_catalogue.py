import json
import re

import pytest
from django.test import Client, override_settings

from course_pages.models import CourseCategory, CoursePage

from ..shared_build import built_once_per_module
from .builders import build_site, make_course, make_instructor, make_lesson


def build_catalogue_site():
    """The bilingual catalogue, Aïcha, an instructor, and a second category, braiding."""
    data = build_site()
    _, data["instructor_page"] = make_instructor(
        "aicha@example.cm", index=data["instructors"], title="Aïcha Mbarga"
    )
    data["braiding"] = CourseCategory.objects.create(
        locale=data["fr"], name="Tresses", slug="tresses", sort_order=2
    )
    return data


# Built once for the module (tests/shared_build.py), each test in a savepoint.
site = built_once_per_module(build_catalogue_site, "site")


def add_courses(site, count, **fields):
    """Many live courses, quickly (no revisions): for query-count tests."""
    catalogue = site["catalogue"]
    for number in range(count):
        catalogue.refresh_from_db()
        catalogue.add_child(
            instance=CoursePage(
                title=f"Cours {number:03d}",
                summary="Résumé",
                category=site["category"],
                instructor=site["instructor_page"],
                price_xaf=1000 * (number % 5),
                live=True,
                **fields,
            )
        )


def titles(response):
    return re.findall(r'<strong class="card-title">([^<]+)</strong>', response.content.decode())


@pytest.mark.django_db
def test_catalogue_lists_live_courses_with_price_and_lesson_count(client, site):
    course = make_course(site["catalogue"], site["instructor_page"], price_xaf=5000)
    make_lesson(course, title="Leçon 1")
    make_course(site["catalogue"], site["instructor_page"], title="Brouillon", live=False)

    html = client.get("/fr/formations/").content.decode()

    assert titles(client.get("/fr/formations/")) == ["Maquillage de mariée"]
    assert "5\xa0000\xa0FCFA" in html
    assert "1 leçon" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("price=free", ["Gratuit débutant"]),
        ("price=paid", ["Mariée avancé", "Tresses payant"]),
        ("max_price=3000", ["Gratuit débutant", "Tresses payant"]),
        ("level=advanced", ["Mariée avancé"]),
        ("category=tresses", ["Tresses payant"]),
        ("language=en", ["Tresses payant"]),
        ("q=tresses", ["Tresses payant"]),
        ("q=mariée&price=free", []),
    ],
)
@pytest.mark.django_db
def test_catalogue_filters_combine_and_live_in_the_url(client, site, query, expected):
    make_course(site["catalogue"], site["instructor_page"], title="Gratuit débutant", price_xaf=0)
    make_course(
        site["catalogue"],
        site["instructor_page"],
        title="Mariée avancé",
        price_xaf=15000,
        level="advanced",
    )
    make_course(
        site["catalogue"],
        site["instructor_page"],
        title="Tresses payant",
        price_xaf=2500,
        category=site["braiding"],
        video_language="fr-en",
    )

    response = client.get(f"/fr/formations/?{query}")

    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    "query", ["max_price=-5", "max_price=abc", "level=expert", "page=999", "category=nope"]
)
@pytest.mark.django_db
def test_bad_filter_values_do_not_break_the_catalogue(client, site, query):
    make_course(site["catalogue"], site["instructor_page"])

    response = client.get(f"/fr/formations/?{query}")

    assert response.status_code == 200


@pytest.mark.django_db
def test_catalogue_paginates_and_keeps_the_filters(client, site):
    add_courses(site, 30)  # 24 of them paid: two pages of 12

    first = client.get("/fr/formations/?price=paid").content.decode()
    second = client.get("/fr/formations/?price=paid&page=2")

    assert "price=paid&amp;page=2" in first
    assert len(titles(second)) == 12
    assert "Cours 000" not in second.content.decode()  # free, filtered out


@pytest.mark.django_db
def test_catalogue_query_count_does_not_grow_with_courses(site, django_assert_max_num_queries):
    add_courses(site, 10)
    client = Client()
    client.get("/fr/formations/")
    with django_assert_max_num_queries(30) as small:
        client.get("/fr/formations/")
    add_courses(site, 490)
    counted = len(small.captured_queries)
    # A page changed: the site chrome (home/site_chrome.py) is read again once, then kept.
    client.get("/fr/formations/")
    with django_assert_max_num_queries(counted):
        client.get("/fr/formations/")


@pytest.mark.django_db
def test_english_catalogue_shows_english_courses_and_says_how_many_are_french_only(client, site):
    from demo.pages import translate_page

    translated = make_course(site["catalogue"], site["instructor_page"], title="Teint parfait")
    translate_page(translated, site["en"], title="Flawless skin", slug="flawless-skin")
    make_course(site["catalogue"], site["instructor_page"], title="Seulement en français")

    response = client.get("/en/courses/")
    html = response.content.decode()

    assert titles(response) == ["Flawless skin"]
    assert "1 more course is only available in French" in html


@pytest.mark.django_db
def test_course_page_shows_curriculum_instructor_and_structured_data(client, site):
    course = make_course(
        site["catalogue"],
        site["instructor_page"],
        price_xaf=7500,
        learning_outcomes=[("item", "Préparer la peau")],
        kit_list=[("item", "Pinceaux")],
    )
    make_lesson(course, title="Accueil", is_preview=True, duration_minutes=5)
    make_lesson(course, title="Fond de teint", duration_minutes=20)

    response = client.get(course.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert "Accueil" in html and "Fond de teint" in html and "Aïcha Mbarga" in html
    assert "25 min" in html and "Pinceaux" in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.+?)</script>', html).group(1)
    )
    assert data["@type"] == "Course"
    assert data["offers"]["priceCurrency"] == "XAF" and data["offers"]["price"] == "7500"


@pytest.mark.django_db
# Measures a render, as a cache miss does (a repeat view is otherwise served whole by
# the page cache, with no query at all: tests/core/test_page_cache.py).
@override_settings(PAGE_CACHE_ENABLED=False)
def test_course_page_query_count_does_not_grow_with_lessons(site, django_assert_max_num_queries):
    course = make_course(site["catalogue"], site["instructor_page"])
    for number in range(3):
        make_lesson(course, title=f"Leçon {number}")
    client = Client()
    client.get(course.url)
    with django_assert_max_num_queries(40) as small:
        client.get(course.url)
    for number in range(3, 20):
        make_lesson(course, title=f"Leçon {number}")
    counted = len(small.captured_queries)
    # A page changed: the site chrome (home/site_chrome.py) is read again once, then kept.
    client.get(course.url)
    with django_assert_max_num_queries(counted):
        client.get(course.url)


@pytest.mark.django_db
def test_sitemap_lists_both_languages_with_alternates_and_hides_lessons(client, site):
    from demo.pages import translate_page

    course = make_course(site["catalogue"], site["instructor_page"], title="Teint parfait")
    translate_page(course, site["en"], title="Flawless skin", slug="flawless-skin")
    make_lesson(course, title="Leçon privée", slug="lecon-privee")

    xml = client.get("/sitemap.xml").content.decode()

    assert "/fr/formations/teint-parfait/</loc>" in xml
    assert "/en/courses/flawless-skin/</loc>" in xml
    assert 'hreflang="en" href="http://localhost/en/courses/flawless-skin/"' in xml
    assert "lecon-privee" not in xml
