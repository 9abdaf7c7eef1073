"""Saving a lesson whose pictures live on a bucket of another origin (production: the
site redirects to a signed bucket URL). A local fake bucket serves the files: without a
CORS rule the save stops and nothing half-saved is kept; with the rule of the README
("Saved lessons and the bucket") the picture is kept and shows offline."""

import copy
import functools
import threading
import uuid
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from core.image_storage import GatedImageStorage
from course_pages.models import AcademyRendition
from course_pages.offline import SAVED_IMAGE_FILTER
from enrolment.services import enrol

from ..conftest import make_person
from ..course_pages.builders import (
    build_site,
    make_course,
    make_instructor,
    make_lesson,
    make_lesson_media,
)
from .helpers import log_in
from .offline_helpers import controlled, saved_lesson_ids

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NBSP = "\u00a0"
BUCKET_PORT = 18410  # this worktree's port range


class FakeBucket(SimpleHTTPRequestHandler):
    """Serves the image storage's files, with the CORS rule only when told to."""

    cors = False

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
    location = AcademyRendition._meta.get_field("file").storage.location
    handler = type("Bucket", (FakeBucket,), {})
    server = ThreadingHTTPServer(
        ("127.0.0.1", BUCKET_PORT), functools.partial(handler, directory=location)
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.PRIVATE_MEDIA_REDIRECT = True
    # As cms/settings/production.py does for the bucket's origin.
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    for directive in ("img-src", "media-src", "connect-src"):
        policy["DIRECTIVES"][directive].append(f"http://127.0.0.1:{BUCKET_PORT}")
    settings.CONTENT_SECURITY_POLICY = policy
    monkeypatch.setattr(
        GatedImageStorage,
        "signed_url",
        lambda self, name: f"http://127.0.0.1:{BUCKET_PORT}/{name}",
    )
    yield handler
    server.shutdown()
    server.server_close()


@pytest.fixture
def lesson(db):
    site = build_site()
    _, instructor = make_instructor("aicha@example.cm", index=site["instructors"], title="Aïcha")
    course = make_course(
        site["catalogue"], instructor, title="Teint éclatant", slug="teint-eclatant", price_xaf=0
    )
    image = make_lesson_media()["image"]
    gallery = {
        "title": "",
        "images": [
            {"type": "image", "value": {"image": image.pk, "caption": ""}, "id": str(uuid.uuid4())}
        ],
    }
    lesson = make_lesson(
        course,
        title="Hygiène",
        slug="hygiene",
        body=[("paragraph", "<p>Désinfectez vos pinceaux.</p>"), ("gallery", gallery)],
    )
    enrol(user=make_person("linda@example.cm", is_student=True), course=course)
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
