"""Helpers of the badge tests: a badge picture and badge definitions made directly, as
a moderator's admin form would save them."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model

from ..shared_build import built_once_per_module


def badge_image(title="Badge"):
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), (138, 28, 74)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.lower()}.png")
    )


def make_badge(*, slug="teint-expert", rule="courses", courses=(), image=None, **fields):
    from certificates.models import Badge

    values = {
        "name_fr": "Experte du teint",
        "name_en": "Complexion expert",
        "criteria_fr": "Terminer la formation Teint parfait.",
        "criteria_en": "Complete the Flawless complexion course.",
    }
    values.update(fields)
    badge = Badge.objects.create(slug=slug, rule=rule, image=image or badge_image(slug), **values)
    if courses:
        badge.courses.set(courses)
    return badge


def build_badge_site():
    """The certificates' bilingual course, Linda who completed it (her certificate
    issued by the task), and a badge picture; badges are defined per test."""
    from django.test import TestCase

    from ..conftest import make_person
    from .conftest import build_certificate_course, complete_course

    site = build_certificate_course()
    graduate = make_person(
        "linda@example.cm", first_name="Linda", last_name="Tchoua", is_student=True
    )
    complete_course(graduate, site, TestCase.captureOnCommitCallbacks)
    return {**site, "graduate": graduate, "image": badge_image()}


badge_site = built_once_per_module(build_badge_site, "badge_site")


@pytest.fixture
def graduate(badge_site):
    return badge_site["graduate"]


@pytest.fixture
def course_badge(badge_site):
    return make_badge(courses=[badge_site["course"]], image=badge_site["image"])
