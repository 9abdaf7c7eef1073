"""The enrolment test course plus an example photo the course shows in a lesson, and
helpers to hand in work and let the similarity check run as after a real commit."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from enrolment import services

from ..conftest import make_person
from ..course_pages.builders import make_lesson
from .conftest import build_course_site, lesson
from .similar_work import textured

EXAMPLE_SEED = 5


def build_similarity_site():
    site = build_course_site()
    buffer = io.BytesIO()
    textured(EXAMPLE_SEED, size=(1200, 900)).save(buffer, "JPEG", quality=90)
    example = get_image_model().objects.create(
        title="Teint fini", file=ImageFile(ContentFile(buffer.getvalue(), "teint-fini.jpg"))
    )
    steps = (
        "steps",
        {
            "title": "Le résultat",
            "steps": [("step", {"text": "Voici le teint fini.", "image": example})],
        },
    )
    site["example_lesson"] = make_lesson(
        site["course"], title="Exemple", slug="exemple", body=[steps], is_required=False
    )
    site["example"] = example
    # The practice lesson in English too, to read its hand-in form in both languages.
    for page, slug in ((site["course"], "flawless-skin"), (site["work"], "practice")):
        english = page.copy_for_translation(site["en"])
        english.slug = slug
        english.save_revision().publish()
    site["work_en"] = site["work"].get_translation(site["en"])
    return site


def student(site, email, **fields):
    person = make_person(email, **fields)
    services.enrol(user=person, course=site["course"])
    return person


def hand_in(site, user, *uploads, note="", capture=None):
    """Hand in to the practice lesson; with `capture` (django_capture_on_commit_callbacks)
    the work is handed in as in a request and the check runs after the commit."""
    work = lesson(site["work"])

    def submit():
        return services.submit_assignment(
            user=user, lesson=work, assignment_id=work.body[0].id, note=note, uploads=list(uploads)
        )

    if capture is None:
        return submit()
    with capture(execute=True):
        return submit()
