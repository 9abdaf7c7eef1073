"""Builders for home page tests: the bilingual catalogue and directory, courses with covers."""

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from demo.sample_media import make_image_bytes

from ..course_pages.builders import build_site, make_course, make_instructor
from ..directory.builders import build_directory


def build_home_site():
    data = build_site()
    data.update(build_directory())
    _, data["instructor_page"] = make_instructor(
        "aicha@example.cm", index=data["instructors"], title="Aïcha Mbarga"
    )
    return data


def cover(name):
    return get_image_model().objects.create(
        title=name,
        file=ImageFile(ContentFile(make_image_bytes(name, width=320, height=180), f"{name}.jpg")),
    )


def course(site, title, slug, **fields):
    return make_course(site["catalogue"], site["instructor_page"], title=title, slug=slug, **fields)
