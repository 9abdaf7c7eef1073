"""Instructors send their English translations into the moderators' workflow."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation

from course_pages.models import CoursePage

from .builders import make_course, make_instructor

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_draft(client, site, awa):
    """Awa's course submitted for translation and its strings translated, not published."""
    course = make_course(site["catalogue"], awa[1], title="Teint parfait", slug="teint-parfait")
    client.force_login(awa[0])
    for page in (awa[1], course):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [site["en"].pk]},
        )
    translation = Translation.objects.get(
        source__object_id=course.translation_key, target_locale=site["en"]
    )
    po = translation.export_po()
    english_text = {"Teint parfait": "Flawless complexion", "teint-parfait": "flawless-complexion"}
    for entry in po:
        entry.msgstr = english_text.get(entry.msgid, entry.msgid)
    translation.import_po(po)
    english = CoursePage.objects.get(locale=site["en"], translation_key=course.translation_key)
    return translation, english


def submit_url(translation):
    return reverse("course_pages_submit_translation_for_moderation", args=[translation.pk])


def test_the_translation_editor_offers_instructors_to_submit_for_moderation(client, english_draft):
    translation, english = english_draft

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))

    assert editor.status_code == 200
    assert submit_url(translation) in editor.content.decode()


def test_instructor_submits_a_translation_and_moderators_see_it_in_their_queue(
    client, english_draft, moderator
):
    translation, english = english_draft

    response = client.post(submit_url(translation))

    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(english.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderators approval"
    english.refresh_from_db()
    assert not english.live
    assert english.get_latest_revision().content["title"] == "Flawless complexion"
    client.force_login(moderator)
    dashboard = client.get("/admin/").content.decode()
    assert "Flawless complexion" in dashboard


def test_another_instructor_cannot_submit_someone_elses_translation(client, site, english_draft):
    translation, english = english_draft
    ben, _ = make_instructor("ben@example.cm", index=site["instructors"], title="Ben")
    client.force_login(ben)

    response = client.post(submit_url(translation))

    assert response.status_code == 302 and response.url == "/admin/"
    assert not WorkflowState.objects.filter(object_id=str(english.pk)).exists()
