"""Translating or syncing a course never rewrites its category's English text."""

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation

from course_pages.models import CourseCategory, CoursePage

from .builders import build_site, make_course, make_instructor

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    site = build_site()
    awa = make_instructor("awa@example.cm", index=site["instructors"], title="Awa Njoya")
    site["awa"] = awa
    site["course"] = make_course(site["catalogue"], awa[1], title="Teint", slug="teint")
    return site


def english_category(site):
    return CourseCategory.objects.get(pk=site["category_en"].pk)


def submit(client, site, page):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [site["en"].pk]},
    )


def test_submitting_a_course_for_translation_keeps_the_english_category(client, site):
    client.force_login(site["awa"][0])
    submit(client, site, site["awa"][1])

    assert submit(client, site, site["course"]).status_code == 302

    category = english_category(site)
    assert (category.name, category.slug) == ("Make-up", "make-up")
    english = CoursePage.objects.get(
        locale=site["en"], translation_key=site["course"].translation_key
    )
    assert english.category_id == category.pk


def test_syncing_and_publishing_a_translation_keeps_the_english_category(
    client, site, moderator, django_capture_on_commit_callbacks
):
    client.force_login(site["awa"][0])
    submit(client, site, site["awa"][1])
    submit(client, site, site["course"])
    source = Translation.objects.get(
        source__object_id=site["course"].translation_key, target_locale=site["en"]
    ).source
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )

    category = english_category(site)
    assert (category.name, category.slug) == ("Make-up", "make-up")


def test_a_missing_category_translation_is_still_created(client, site):
    braids = CourseCategory.objects.create(locale=site["fr"], name="Tresses", slug="tresses")
    course = make_course(
        site["catalogue"], site["awa"][1], title="Nattes", slug="nattes", category=braids
    )
    client.force_login(site["awa"][0])
    submit(client, site, site["awa"][1])

    submit(client, site, course)

    assert CourseCategory.objects.filter(
        locale=site["en"], translation_key=braids.translation_key
    ).exists()
