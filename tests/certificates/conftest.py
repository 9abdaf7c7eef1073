"""A bilingual course with two self-paced lessons, an instructor who signs, and
students who complete it the way the site completes courses."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from certificates.signature_image import signature_png
from enrolment import services as learning
from enrolment.models import Enrolment
from home import demo as home_demo

from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson

SKILLS_FR = ["Préparer la peau", "Choisir son fond de teint", "Fixer le maquillage"]
SKILLS_EN = ["Prepare the skin", "Choose a foundation", "Set the make-up"]


def _outcomes(items):
    return [("item", text) for text in items]


@pytest.fixture
def certificate_course(db):
    site = build_site()
    signature = get_image_model().objects.create(
        title="Signature Aïcha",
        file=ImageFile(ContentFile(signature_png("Aïcha Mbarga"), "signature.png")),
    )
    teacher, teacher_page = make_instructor(
        "aicha@example.cm", index=site["instructors"], title="Aïcha Mbarga", signature=signature
    )
    course = make_course(
        site["catalogue"],
        teacher_page,
        title="Teint parfait",
        slug="teint-parfait",
        estimated_hours=Decimal("6.5"),
        learning_outcomes=_outcomes(SKILLS_FR),
        certificate_template="modern",
    )
    home_demo.translate_page(
        course,
        site["en"],
        title="Flawless complexion",
        slug="flawless-complexion",
        learning_outcomes=_outcomes(SKILLS_EN),
    )
    lessons = [
        make_lesson(course, title="La peau", slug="la-peau", body=[("paragraph", "<p>Peau</p>")]),
        make_lesson(
            course, title="Le teint", slug="le-teint", body=[("paragraph", "<p>Teint</p>")]
        ),
    ]
    return {
        **site,
        "teacher": teacher,
        "teacher_page": teacher_page,
        "course": course,
        "lessons": lessons,
    }


def complete_course(user, course_site, capture):
    """Enrol and mark every lesson done; the completion event runs its on-commit work."""
    learning.enrol(user=user, course=course_site["course"])
    with capture(execute=True):
        for lesson in course_site["lessons"]:
            learning.mark_complete(user=user, lesson=lesson)
    return Enrolment.objects.get(user=user, course=course_site["course"])


@pytest.fixture
def graduate(certificate_course, django_capture_on_commit_callbacks):
    """A student who completed the course (and so holds its certificate)."""
    user = make_person("linda@example.cm", first_name="Linda", last_name="Tchoua", is_student=True)
    complete_course(user, certificate_course, django_capture_on_commit_callbacks)
    return user


@pytest.fixture
def certificate(graduate):
    return graduate.certificates.get()
