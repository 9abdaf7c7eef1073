"""Saving a lesson whose pictures live on a bucket of another origin (production: the
site redirects to a signed bucket URL). A local fake bucket serves the files: without a
CORS rule the save stops and nothing half-saved is kept; with the rule of the README
("Saved lessons and the bucket") the picture is kept and shows offline."""

import copy
from http.server import SimpleHTTPRequestHandler

import pytest
from playwright.sync_api import expect

from core.image_storage import GatedImageStorage
from course_pages.models import AcademyRendition
from course_pages.offline import SAVED_IMAGE_FILTER

from ..course_pages.builders import make_lesson, make_lesson_media
from ..loopback_server import LoopbackServer
from .helpers import log_in
from .offline_helpers import (
    NBSP,
    controlled,
    enrolled_linda,
    free_course,
    gallery_of,
    saved_lesson_ids,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class FakeBucket(SimpleHTTPRequestHandler):
    """Serves the image storage's files, with the CORS rule only when told to."""

    cors = False

    def __init__(self, *args, **kwargs):
        location = AcademyRendition._meta.get_field("file").storage.location
        super().__init__(*args, directory=location, **kwargs)

    def end_headers(self):
        # As signed URLs: each one asked afresh (no heuristic browser caching).
        self.send_header("Cache-Control", "no-store")
        if type(self).cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def bucket(settings, monkeypatch):
    handler = type("Bucket", (FakeBucket,), {})
    server = LoopbackServer(handler, fake=None).start()
    settings.PRIVATE_MEDIA_REDIRECT = True
    # As cms/settings/production.py does for the bucket's origin.
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    for directive in ("img-src", "media-src", "connect-src"):
        policy["DIRECTIVES"][directive].append(server.origin)
    settings.CONTENT_SECURITY_POLICY = policy
    monkeypatch.setattr(
        GatedImageStorage, "signed_url", lambda self, name: f"{server.origin}/{name}"
    )
    yield handler
    server.stop()


@pytest.fixture
def lesson(db):
    _, course = free_course(title="Teint éclatant", slug="teint-eclatant")
    image = make_lesson_media()["image"]
    lesson = make_lesson(
        course,
        title="Hygiène",
        slug="hygiene",
        body=[("paragraph", "<p>Désinfectez vos pinceaux.</p>"), gallery_of(image)],
    )
    enrolled_linda(course)
    image.get_rendition(SAVED_IMAGE_FILTER)  # its file exists before the bucket serves it
    return lesson


def test_pictures_from_the_bucket_are_kept_only_with_its_cors_rule(
    live_server, page, bucket, lesson
):
    log_in(live_server, page, "linda@example.cm", "fr")
    page.goto(live_server.url + lesson.url)
    controlled(page)
    status = page.locator("[data-offline-status]")

    bucket.cors = False
    page.get_by_role("button", name="Enregistrer hors ligne").click()
    expect(status).to_contain_text("Enregistrement interrompu avant la fin")
    assert saved_lesson_ids(page) == []

    bucket.cors = True
    page.get_by_role("button", name="Enregistrer hors ligne").click()
    expect(status).to_have_text(f"Enregistrée hors ligne{NBSP}: cette leçon s'ouvre sans réseau.")
    assert saved_lesson_ids(page) == [lesson.pk]

    page.context.set_offline(True)
    page.goto(live_server.url + lesson.url)
    page.locator(".gallery img").scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.gallery img').naturalWidth > 0")
    page.context.set_offline(False)
