"""A course with its forum and the people around it, built once per module: the
instructor (Aïcha), two enrolled students (Linda, Nadia), another course's instructor
(Grace), a moderator and a stranger."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from PIL import Image

from accounts.models import MODERATORS_GROUP

from ...conftest import make_person
from ...enrolment.conftest import build_course_site
from ...shared_build import built_once_per_module


def build_forum_site():
    from community.forums.selectors import course_forum
    from community.models import Forum
    from enrolment.services import enrol

    site = build_course_site()
    linda = make_person("linda@example.cm", first_name="Linda", last_name="Tchoua", is_student=True)
    nadia = make_person("nadia@example.cm", first_name="Nadia", last_name="Mbarga", is_student=True)
    for student in (linda, nadia):
        enrol(user=student, course=site["course"])
        # Members for a month: new members' limits have their own tests.
        student.date_joined -= timedelta(days=30)
        student.save(update_fields=["date_joined"])
    site.update(
        linda=linda,
        nadia=nadia,
        instructor=site["teacher"],
        moderator=make_person(
            "moderatrice@example.cm",
            first_name="Mireille",
            last_name="Abena",
            groups=[MODERATORS_GROUP],
        ),
        stranger=make_person("inconnu@example.cm", first_name="Paul", last_name="Inconnu"),
        forum=course_forum(site["course"]),
        business=Forum.objects.get(slug="business"),
    )
    return site


forum_site = built_once_per_module(build_forum_site, "forum_site")


@pytest.fixture
def people(forum_site):
    return forum_site


def shows(response, text):
    """Whether the page shows `text` (as the template escaped it)."""
    return escape(text) in response.content.decode()


def ask(
    site,
    title="Poudre avant ou après ?",
    body="Je mets la poudre avant le fond de teint ?",
    who="linda",
    forum=None,
):
    from community.forums import posting

    return posting.start_thread(
        user=site[who], forum=forum or site["forum"], title=title, body=body
    )


def answer(site, thread, body="Après le fond de teint, en tamponnant.", who="instructor"):
    from community.forums import posting

    return posting.reply(user=site[who], thread=thread, body=body)


def photo_upload(name="tresses.jpg", size=(1200, 900)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#8a1c4a").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def pdf_upload(name="photo.jpg"):
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="image/jpeg"
    )
