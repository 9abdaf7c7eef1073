"""What the offline journeys share: the course they start from, waiting for the service
worker, and reading which lessons the phone keeps whole."""

import uuid
from contextlib import contextmanager

from django.core.files.base import ContentFile
from playwright.sync_api import expect

from course_pages.models import AcademyRendition
from course_pages.offline import SAVED_IMAGE_FILTER
from enrolment.services import enrol

from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor

SAVED_LESSON_IDS = """async () => {
  const names = (await caches.keys()).filter((name) => name.startsWith("bsa-saved-"));
  const ids = [];
  for (const name of names) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      if (path.startsWith("/offline-saved/")) {
        const response = await cache.match(request);  // the worker may be deleting it
        const record = response ? await response.json() : {};
        if (record.complete) ids.push(record.id);
      }
    }
  }
  return ids.sort((a, b) => a - b);
}"""


def controlled(page, language="fr"):
    """Waits until the site's service worker controls the page (first visit: reload once)."""
    page.evaluate("navigator.serviceWorker.ready")
    if not page.evaluate("Boolean(navigator.serviceWorker.controller)"):
        page.reload()
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.wait_for_function("Boolean(navigator.serviceWorker.controller)")


def saved_lesson_ids(page):
    return page.evaluate(SAVED_LESSON_IDS)


NBSP = "\u00a0"
QUEUED = f"Gardé sur votre téléphone{NBSP}: ce sera envoyé quand vous serez de nouveau en ligne."


def free_course(*, title, slug):
    """A published free course by Aïcha, in a fresh site: the offline journeys' start."""
    site = build_site()
    _, instructor = make_instructor("aicha@example.cm", index=site["instructors"], title="Aïcha")
    course = make_course(site["catalogue"], instructor, title=title, slug=slug, price_xaf=0)
    return site, course


def gallery_of(image):
    """A gallery block holding one picture, as an editor makes it."""
    value = {
        "title": "",
        "images": [
            {"type": "image", "value": {"image": image.pk, "caption": ""}, "id": str(uuid.uuid4())}
        ],
    }
    return ("gallery", value)


def enrolled_linda(course):
    student = make_person("linda@example.cm", first_name="Linda", is_student=True)
    enrol(user=student, course=course)
    return student


@contextmanager
def saved_picture_unreachable():
    """The network drops while a lesson's picture is fetched: its file is away for the
    time of the block, then back as it was."""
    picture = AcademyRendition.objects.get(filter_spec=SAVED_IMAGE_FILTER).file
    name, content = picture.name, picture.read()
    picture.storage.delete(name)
    try:
        yield
    finally:
        picture.storage.save(name, ContentFile(content))
