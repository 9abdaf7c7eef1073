"""The offline size of a lesson as the student sees it before "Save for offline"
(issue 18): a text-and-images lesson, and a video lesson with its 360p copy.

    .venv/bin/python -m pytest tests/bench/bench_offline_size.py -s -q
"""

import pytest

from course_pages.models import LessonPage
from course_pages.offline import offline_copy

from ..course_pages.test_offline_copy import build_media_lesson
from ..shared_build import built_once_per_module

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

offline_bench_site = built_once_per_module(build_media_lesson, "offline_bench_site")


def test_offline_sizes(offline_bench_site):
    rows = [
        ("text lesson", offline_bench_site["reading"]),
        ("text, images, guide and video", offline_bench_site["media_lesson"]),
    ]
    print()
    print("Offline size of a lesson (bytes): without video / with the 360p video")
    for name, page in rows:
        copy = offline_copy(LessonPage.objects.get(pk=page.pk))
        print(f"{name:32} {copy.bytes_without_video:>10} {copy.bytes_with_video:>10}")
        assert copy.bytes_without_video > 0
