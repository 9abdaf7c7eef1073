"""A guide used in another instructor's lesson is read-only for the instructor who
uploaded it; moderators may still change it."""

import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from ..shared_build import built_once_per_module
from .builders import build_site, make_course, make_instructor, make_lesson

ORIGINAL = b"%PDF-1.4\n% original guide\n%%EOF\n"
REPLACEMENT = b"%PDF-1.4\n% replaced guide\n%%EOF\n"


def guide_block(document):
    return {
        "type": "guide",
        "value": {"document": document.pk, "title": "Fiche"},
        "id": str(uuid.uuid4()),
    }


def build_site_with_guides():
    """Awa's two guides: one in Ben's lesson, one only in hers (built once per module:
    tests/shared_build.py)."""
    site = build_site()
    awa, awa_page = make_instructor("awa@example.cm", index=site["instructors"], title="Awa")
    ben, ben_page = make_instructor("ben@example.cm", index=site["instructors"], title="Ben")
    guide = get_document_model().objects.create(
        title="Guide des tresses",
        file=ContentFile(ORIGINAL, "guide.pdf"),
        uploaded_by_user=awa,
    )
    own_guide = get_document_model().objects.create(
        title="Mon guide", file=ContentFile(ORIGINAL, "mon-guide.pdf"), uploaded_by_user=awa
    )
    awas_course = make_course(site["catalogue"], awa_page, title="Nattes", slug="nattes")
    make_lesson(awas_course, body=[guide_block(own_guide)], slug="nattes-1")
    bens_course = make_course(site["catalogue"], ben_page, title="Tissages", slug="tissages")
    make_lesson(bens_course, body=[guide_block(guide)], slug="tissages-1")
    site.update(awa=awa, ben=ben, guide=guide, own_guide=own_guide)
    return site


guides_site = built_once_per_module(build_site_with_guides, "guides_site")


@pytest.fixture
def site(guides_site):
    # Replacing a document's file deletes the old one from storage at once (Wagtail's
    # document form), and files are not rolled back with the database: put back the
    # guides' original files a previous test of this module replaced.
    for document in (guides_site["guide"], guides_site["own_guide"]):
        storage = document.file.storage
        if not storage.exists(document.file.name):
            storage.save(document.file.name, ContentFile(ORIGINAL))
    return guides_site


def edit(client, document, title="Guide modifié"):
    return client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": title,
            "file": SimpleUploadedFile("new.pdf", REPLACEMENT, content_type="application/pdf"),
            "collection": document.collection_id,
            "tags": "",
        },
    )


def stored_bytes(document):
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        return handle.read()


def test_uploader_cannot_replace_a_guide_another_instructors_lesson_uses(client, site):
    client.force_login(site["awa"])

    assert client.get(f"/admin/documents/edit/{site['guide'].pk}/").status_code == 302
    response = edit(client, site["guide"])

    assert response.status_code == 302 and response.url == "/admin/"
    assert stored_bytes(site["guide"]) == ORIGINAL
    assert site["guide"].title == "Guide des tresses"


def test_uploader_cannot_delete_a_guide_another_instructors_lesson_uses(client, site):
    client.force_login(site["awa"])

    response = client.post(f"/admin/documents/delete/{site['guide'].pk}/")

    assert response.status_code == 302 and response.url == "/admin/"
    assert get_document_model().objects.filter(pk=site["guide"].pk).exists()


def test_uploader_still_edits_a_guide_only_her_lessons_use(client, site):
    client.force_login(site["awa"])

    response = edit(client, site["own_guide"], title="Mon guide v2")

    assert response.status_code == 302 and response.url != "/admin/"
    assert stored_bytes(site["own_guide"]) == REPLACEMENT
    assert site["own_guide"].title == "Mon guide v2"


def test_moderator_may_replace_a_shared_guide(client, site, moderator):
    client.force_login(moderator)

    response = edit(client, site["guide"])

    assert response.status_code == 302 and response.url != "/admin/"
    assert stored_bytes(site["guide"]) == REPLACEMENT
