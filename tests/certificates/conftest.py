"""A bilingual course with two self-paced lessons, an instructor who signs, and
students who complete it the way the site completes courses.

The course and its graduate are built once per test module (inside a transaction
rolled back at the end); each test runs in its own savepoint on top of them."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.test import TestCase
from wagtail.images import get_image_model

from accounts.models import User
from certificates.models import Certificate
from certificates.signature_image import signature_png
from demo.loaders import site as home_demo
from enrolment import services as learning
from enrolment.models import Enrolment

from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson

SKILLS_FR = ["Préparer la peau", "Choisir son fond de teint", "Fixer le maquillage"]
SKILLS_EN = ["Prepare the skin", "Choose a foundation", "Set the make-up"]


def _outcomes(items):
    return [("item", text) for text in items]


def build_certificate_course():
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


@pytest.fixture(scope="module")
def _built(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        course_site = build_certificate_course()
        user = make_person(
            "linda@example.cm", first_name="Linda", last_name="Tchoua", is_student=True
        )
        complete_course(user, course_site, TestCase.captureOnCommitCallbacks)
        yield {"course_site": course_site, "graduate_pk": user.pk}
        transaction.set_rollback(True)


@pytest.fixture
def certificate_course(_built, db):
    return _built["course_site"]


@pytest.fixture
def graduate(_built, db):
    """A student who completed the course (and so holds its certificate)."""
    return User.objects.get(pk=_built["graduate_pk"])


@pytest.fixture
def certificate(graduate):
    return Certificate.objects.select_related("course__instructor").get(user=graduate)
