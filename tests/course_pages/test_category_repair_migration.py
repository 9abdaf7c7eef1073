"""The data migration gives the overwritten English category its English text back."""

import importlib

import pytest
from django.apps import apps

from course_pages.models import CourseCategory

from .builders import build_site

pytestmark = pytest.mark.django_db

repair = importlib.import_module(
    "course_pages.migrations.0008_repair_english_categories_overwritten_by_translation"
).repair


def test_an_english_category_reading_french_gets_its_english_text_back(db):
    site = build_site()
    french = CourseCategory.objects.create(
        locale=site["fr"],
        name="Coiffure & tresses",
        slug="coiffure-tresses",
        description="Tresses africaines, knotless, vanilles et soins des cheveux naturels.",
    )
    overwritten = french.copy_for_translation(site["en"])
    overwritten.save()
    untouched = site["category_en"]

    repair(apps, None)

    overwritten.refresh_from_db()
    assert overwritten.name == "Hairstyling & Braiding"
    assert overwritten.slug == "hairstyling-braiding"
    assert overwritten.description.startswith("African braids")
    untouched.refresh_from_db()
    assert untouched.name == "Make-up"
