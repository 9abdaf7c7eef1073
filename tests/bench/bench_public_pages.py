"""Queries and milliseconds of an anonymous view of the public pages, the median of 10
views through Django's test client: a render (the page cache off, what a miss costs)
and a hit of the page cache.

Warm queries on the demo content (`load_demo`, PostgreSQL), before → after issue #19's
query work: home 47 → 30, catalogue 25 → 14 (filtered 28 → 17, search 26 → 16),
course 28 → 17, curriculum 23 → 12, instructor 30 → 16, professional 39 → 26,
directory search 33 → 20, news index 23 → 11, news item 24 → 13. The chrome (menu,
footer, contact, language homes) was twelve of them on every page; the catalogue's
renditions cost 48 Redis round trips. Goal: ≤ 15 queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/qry .venv/bin/python -m pytest \
        tests/bench/bench_public_pages.py -s -q
"""

import statistics
import time

import pytest
from django.test import Client, override_settings

from core.deferred_indexing import indexing_deferred
from tests.course_pages.builders import build_site, make_course, make_instructor, make_lesson
from tests.directory.builders import build_directory, make_professional
from tests.query_counts import counted_queries

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

RENDERS = 10
COURSES = 13
PROFESSIONALS = 12


def render_figures(client, url):
    """(queries, median ms) of a warm render of `url`."""
    assert client.get(url).status_code == 200
    with counted_queries() as queries:
        client.get(url)
    times = []
    for _ in range(RENDERS):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return len(queries), statistics.median(times)


def test_public_pages_render_figures(db):
    # Search and reference indexes once per object at the end, not on every save.
    with indexing_deferred():
        site = build_site()
        _, teacher = make_instructor("grace@example.cm", index=site["instructors"], title="Grace")
        courses = [
            make_course(site["catalogue"], teacher, title=f"Cours {n:02d}", slug=f"cours-{n:02d}")
            for n in range(COURSES)
        ]
        for number in range(6):
            make_lesson(courses[0], title=f"Leçon {number}", slug=f"lecon-{number}")
        directory = build_directory()
        for number in range(PROFESSIONALS):
            make_professional(
                directory["index"], f"Pro {number:02d}", services=[("nails", 5000 + number)]
            )
    pages = [
        ("catalogue", "/fr/formations/"),
        ("catalogue search", "/fr/formations/?q=cours"),
        ("catalogue page 2", "/fr/formations/?page=2"),
        ("course page", courses[0].url),
        ("instructor page", teacher.url),
        ("directory", "/fr/professionnelles/"),
        ("directory search", "/fr/professionnelles/?q=pro&town=douala&certified=on"),
        ("home", "/fr/"),
    ]
    client = Client()
    print(f"\n{'page':<18} {'render q':>8} {'render ms':>10} {'hit q':>6} {'hit ms':>7}")
    for name, url in pages:
        with override_settings(PAGE_CACHE_ENABLED=False):
            queries, median = render_figures(client, url)
        hit_queries, hit_median = render_figures(client, url)
        print(f"{name:<18} {queries:>8} {median:>10.1f} {hit_queries:>6} {hit_median:>7.1f}")
        assert queries <= 40
