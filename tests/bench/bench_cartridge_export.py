"""Export time and file size of the demo courses as IMS Common Cartridge (issue 23),
the largest first, in French and in both languages.

    .venv/bin/python -m pytest tests/bench/bench_cartridge_export.py -s -q
"""

import time

import pytest
from django.test import RequestFactory
from wagtail.models import Locale

from course_pages.cartridge.export import export_course
from course_pages.models import CoursePage

from ..course_pages.test_cartridge_round_trip import demo  # noqa: F401

pytestmark = [pytest.mark.bench, pytest.mark.django_db]


def test_export_time_and_size_of_the_demo_courses(demo):  # noqa: F811
    request = RequestFactory().get("/")
    rows = []
    for course in CoursePage.objects.filter(locale=Locale.get_default()):
        for languages in (["fr"], ["fr", "en"]):
            started = time.perf_counter()
            data, _name = export_course(course=course, languages=languages, request=request)
            rows.append(
                (len(data), time.perf_counter() - started, course.title, "+".join(languages))
            )
    rows.sort(reverse=True)
    print()
    print("Common Cartridge export of the demo courses (largest first)")
    for size, seconds, title, languages in rows[:6]:
        print(f"{title[:40]:40} {languages:6} {size / 1000:>8.1f} kB {seconds * 1000:>8.0f} ms")
    assert rows and rows[0][0] > 0
