"""Builders for home page tests: the bilingual catalogue and directory, courses with covers."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageFilter
from wagtail.images import get_image_model

from demo.sample_media import make_image_bytes

from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson
from ..directory.builders import build_directory, make_professional


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


def photo(name, *, width=1280, height=720):
    """A photo-like picture: smooth colour with grain, so WebP has real work to do."""
    grain = Image.effect_noise((width // 6, height // 6), 90).resize((width, height))
    grain = grain.filter(ImageFilter.GaussianBlur(1))
    colour = Image.new("RGB", (width, height), (138, 28, 74))
    picture = Image.blend(colour, grain.convert("RGB"), 0.45)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return get_image_model().objects.create(
        title=name, file=ImageFile(ContentFile(buffer.getvalue()), f"{name}.jpg")
    )


def build_phone_pages():
    site = build_home_site()
    courses = [
        course(site, f"Formation {number}", f"formation-{number}", cover_image=photo(f"c{number}"))
        for number in range(8)
    ]
    lesson = make_lesson(
        courses[0],
        body=[("image", {"image": photo("geste"), "caption": "Le geste"})],
        is_preview=True,
    )
    professionals = [
        make_professional(site["index"], f"Pro Tresses {number}", photo=photo(f"p{number}"))
        for number in range(6)
    ]
    return [
        ("home", "/fr/"),
        ("catalogue", site["catalogue"].url),
        ("course", courses[0].url),
        ("lesson", lesson.url),
        ("directory search", site["index"].url + "?q=tresses"),
        ("professional", professionals[0].url),
    ]
