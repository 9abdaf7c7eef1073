"""The "Translation status" report: missing, out-of-date and up-to-date English versions."""

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from course_pages.translation_status import (
    Status,
    authored_source_pages,
    translation_status_rows,
)
from demo.pages import translate_page

from ..shared_build import built_once_per_module
from .builders import build_site, make_course, make_instructor, make_lesson

URL = "/admin/translation-status/"


@pytest.fixture
def ben(site):
    return make_instructor("ben@example.cm", index=site["instructors"], title="Ben Tchana")


def sync_translation(page, locale, django_capture_on_commit_callbacks):
    """What "Translate this page" then "Sync" do in wagtail-localize, without the strings."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    return translation


def build_site_with_awas_translations():
    """Awa's course and lessons: two with an up-to-date English version, one changed since
    its translation, one never translated; her instructor page translated too (built once
    per module: tests/shared_build.py)."""
    site = build_site()
    awa = make_instructor("awa@example.cm", index=site["instructors"], title="Awa Njoya")
    course = make_course(site["catalogue"], awa[1], title="Teint parfait", slug="teint-parfait")
    synced = make_lesson(course, title="Préparer la peau", slug="preparer")
    changed = make_lesson(course, title="Le fond de teint", slug="fond-de-teint")
    untranslated = make_lesson(course, title="La poudre", slug="poudre")
    for page in (course, synced, changed):
        # What the `django_capture_on_commit_callbacks` fixture is, for a build.
        sync_translation(page, site["en"], TestCase.captureOnCommitCallbacks)
    changed.title = "Choisir son fond de teint"
    changed.save_revision().publish()
    translate_page(awa[1], site["en"], title="Awa Njoya")
    site["awa"] = awa
    site["awas_pages"] = {
        "course": course,
        "synced": synced,
        "changed": changed,
        "untranslated": untranslated,
        "instructor": awa[1],
    }
    return site


site = built_once_per_module(build_site_with_awas_translations, "site")


@pytest.fixture
def awa(site):
    return site["awa"]


@pytest.fixture
def awas_pages(site):
    return site["awas_pages"]


def statuses(user, site):
    rows = translation_status_rows(pages=authored_source_pages(user=user), target_locale=site["en"])
    return {row.page.pk: row.status for row in rows}


@pytest.mark.django_db
def test_each_page_says_whether_its_english_version_is_missing_old_or_up_to_date(
    site, awa, awas_pages
):
    found = statuses(awa[0], site)

    assert found == {
        awas_pages["course"].pk: Status.UP_TO_DATE,
        awas_pages["synced"].pk: Status.UP_TO_DATE,
        awas_pages["changed"].pk: Status.OUTDATED,
        awas_pages["untranslated"].pk: Status.MISSING,
        awas_pages["instructor"].pk: Status.UP_TO_DATE,
    }


@pytest.mark.django_db
def test_syncing_brings_the_english_version_up_to_date(
    site, awa, awas_pages, django_capture_on_commit_callbacks
):
    translation = Translation.objects.get(
        source__object_id=awas_pages["changed"].translation_key, target_locale=site["en"]
    )

    translation.source.update_from_db()

    assert statuses(awa[0], site)[awas_pages["changed"].pk] == Status.UP_TO_DATE


@pytest.mark.django_db
def test_instructor_sees_only_their_pages_and_a_moderator_sees_all(
    site, awa, ben, awas_pages, moderator
):
    bens_course = make_course(site["catalogue"], ben[1], title="Tresses", slug="tresses")

    assert bens_course.pk not in statuses(awa[0], site)
    assert awas_pages["course"].pk not in statuses(ben[0], site)
    everything = statuses(moderator, site)
    assert {bens_course.pk, ben[1].pk, *(p.pk for p in awas_pages.values())} <= set(everything)
    assert site["catalogue"].pk not in everything


@pytest.mark.django_db
def test_instructor_opens_the_report_from_the_admin(client, site, awa, awas_pages):
    client.force_login(awa[0])

    assert URL in client.get("/admin/").content.decode()
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Choisir son fond de teint" in html
    assert "La poudre" in html
    sync = reverse(
        "wagtail_localize:update_translations",
        args=[TranslationSource.objects.get(object_id=awas_pages["changed"].translation_key).pk],
    )
    assert sync in html
    assert (
        reverse("wagtail_localize:submit_page_translation", args=[awas_pages["untranslated"].pk])
        in html
    )


@pytest.mark.django_db
def test_people_without_translation_rights_do_not_get_the_report(client, site, student):
    client.force_login(student)

    response = client.get(URL)

    assert response.status_code == 302
    assert "/admin/login/" in response.url
