"""Images of gated lessons are private: their URLs go through a view that checks the
lesson's access rule; images shown outside lessons (course covers...) stay public."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from wagtail.images import get_image_model

from core.image_storage import GatedImageStorage
from course_pages.models import AcademyImage, AcademyRendition, CoursePage
from demo.sample_media import make_image_bytes

from ..conftest import make_person
from ..enrolment import conftest as enrolment_fixtures
from .builders import make_course, make_lesson

pytestmark = pytest.mark.django_db
# The small course with people around it (tests/enrolment/conftest.py).
course_site = enrolment_fixtures.course_site
enrolled = enrolment_fixtures.enrolled
SPEC = "width-360|format-webp"


def make_image(title="Teint", name="teint.jpg"):
    return get_image_model().objects.create(
        title=title,
        file=ImageFile(ContentFile(make_image_bytes(title, width=320, height=180), name)),
    )


def gallery(image):
    return [("gallery", {"title": "Étapes", "images": [("image", {"image": image})]})]


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def gated(course_site):
    image = make_image()
    lesson = make_lesson(
        course_site["course"], body=gallery(image), title="Galerie", slug="galerie"
    )
    return {"image": image, "lesson": lesson}


def test_image_model_is_ours_on_gated_storage():
    assert get_image_model() is AcademyImage
    assert isinstance(AcademyImage._meta.get_field("file").storage, GatedImageStorage)
    assert isinstance(AcademyRendition._meta.get_field("file").storage, GatedImageStorage)


def test_lesson_page_shows_gated_rendition_urls(gated, enrolled):
    html = client_for(enrolled).get(gated["lesson"].url).content.decode()

    sources = re.findall(r'<img src="([^"]+)"', html)
    assert sources and all(src.startswith("/lesson-media/image/") for src in sources)
    assert "/media/" not in html
    assert client_for(enrolled).get(sources[0]).status_code == 200


def test_gallery_image_of_a_paid_lesson_follows_the_lesson_rule(
    gated, enrolled, course_site, moderator
):
    rendition = gated["image"].get_rendition(SPEC)
    url = rendition.url
    assert url.startswith("/lesson-media/image/images/")

    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]

    stranger = make_person("stranger@example.cm", is_student=True)
    assert client_for(stranger).get(url).status_code == 403
    assert client_for(course_site["other_teacher"]).get(url).status_code == 403

    for user in (enrolled, course_site["teacher"], moderator):
        response = client_for(user).get(url)
        assert response.status_code == 200, user
        assert response["Content-Type"] == "image/webp"
        assert response["Cache-Control"].startswith("private")
        assert b"".join(response.streaming_content)[:4] == b"RIFF"

    original = client_for(enrolled).get(gated["image"].file.url)
    assert original.status_code == 200
    assert Client().get(gated["image"].file.url).status_code == 302


def test_image_files_are_not_under_media_root(gated):
    rendition = gated["image"].get_rendition(SPEC)
    media_root = Path(settings.MEDIA_ROOT).resolve()
    for stored in (gated["image"].file, rendition.file):
        path = Path(stored.path).resolve()
        assert path.is_file()
        assert not path.is_relative_to(media_root)
    assert not list(media_root.rglob("*.webp")) and not list(media_root.rglob("*.jpg"))


def test_image_of_a_preview_lesson_is_public(course_site):
    image = make_image("Apercu", "apercu.jpg")
    make_lesson(
        course_site["course"], body=gallery(image), is_preview=True, title="Aperçu", slug="apercu"
    )
    response = Client().get(image.get_rendition(SPEC).url)
    assert response.status_code == 200


def test_course_cover_is_public_and_cached_long(course_site):
    image = make_image("Couverture", "couverture.jpg")
    course = make_course(
        course_site["catalogue"],
        CoursePage.objects.get(pk=course_site["course"].pk).instructor,
        title="Ongles",
        slug="ongles",
        cover_image=image,
    )
    # Also in a paid lesson: shown on the public course page, so still public.
    make_lesson(course, body=gallery(image), title="Leçon", slug="lecon")

    response = Client().get(image.get_rendition("fill-360x202|format-webp").url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_unknown_image_name_is_404(db):
    assert Client().get("/lesson-media/image/images/nothing.width-360.webp").status_code == 404
    assert Client().get("/lesson-media/image/original_images/nope.jpg").status_code == 404


def test_production_redirects_to_the_storage_url_after_the_check(gated, enrolled, settings):
    settings.PRIVATE_MEDIA_REDIRECT = True
    url = gated["image"].get_rendition(SPEC).url

    assert Client().get(url).status_code == 302
    assert "login" in Client().get(url)["Location"]
    response = client_for(enrolled).get(url)
    assert response.status_code == 302
    assert response["Location"] != url and not response["Location"].startswith("/lesson-media/")
    assert response["Cache-Control"] == "private, no-store"
