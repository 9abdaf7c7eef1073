"""A small course with one lesson of each kind, and people around it."""

import io

import pytest
from django.test import Client
from PIL import Image

from course_pages.models import LessonPage

from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson
from ..shared_build import built_once_per_module

QUIZ = (
    "quiz",
    {
        "title": "Quiz teint",
        "pass_mark": 50,
        "max_attempts_per_day": 2,
        "questions": [
            (
                "question",
                {
                    "text": "Quelle base pour une peau grasse ?",
                    "kind": "single",
                    "choices": [
                        ("choice", {"text": "Matifiante", "is_correct": True}),
                        ("choice", {"text": "Huileuse", "is_correct": False}),
                    ],
                    "explanation": "Une base matifiante limite la brillance.",
                },
            ),
            (
                "question",
                {
                    "text": "Quels outils pour estomper ?",
                    "kind": "multiple",
                    "choices": [
                        ("choice", {"text": "Éponge", "is_correct": True}),
                        ("choice", {"text": "Pinceau", "is_correct": True}),
                        ("choice", {"text": "Peigne", "is_correct": False}),
                    ],
                    "explanation": "",
                },
            ),
        ],
    },
)

ASSIGNMENT = (
    "assignment",
    {
        "title": "Maquillage complet",
        "instructions": "<p>Photographiez votre modèle.</p>",
        "rubric": [("criterion", {"name": "Teint uniforme", "description": ""})],
        "photos_required": 1,
    },
)


def photo_upload(name="work.jpg", fmt="JPEG", size=(800, 600)):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    Image.new("RGB", size, "#c2577f").save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def build_course_site():
    site = build_site()
    teacher, teacher_page = make_instructor(
        "aicha@example.cm", index=site["instructors"], title="Aïcha"
    )
    other_teacher, other_page = make_instructor(
        "grace@example.cm", index=site["instructors"], title="Grace"
    )
    course = make_course(site["catalogue"], teacher_page, title="Teint parfait", price_xaf=0)
    preview = make_lesson(
        course,
        title="Bienvenue",
        slug="bienvenue",
        is_preview=True,
        body=[("paragraph", "<p>Bonjour</p>")],
    )
    reading = make_lesson(
        course,
        title="Les outils",
        slug="outils",
        body=[("paragraph", "<p>Pinceaux et éponges</p>")],
    )
    quiz = make_lesson(course, title="Quiz", slug="quiz", body=[QUIZ])
    work = make_lesson(course, title="Pratique", slug="pratique", body=[ASSIGNMENT])
    paid = make_course(site["catalogue"], other_page, title="Mariée", slug="mariee", price_xaf=5000)
    paid_lesson = make_lesson(paid, title="Leçon payante", slug="payante")
    site.update(
        teacher=teacher,
        other_teacher=other_teacher,
        course=course,
        paid=paid,
        preview=preview,
        reading=reading,
        quiz=quiz,
        work=work,
        paid_lesson=paid_lesson,
    )
    return site


course_site = built_once_per_module(build_course_site, "course_site")


@pytest.fixture
def enrolled(course_site):
    from enrolment.services import enrol

    user = make_person("linda@example.cm", is_student=True)
    enrol(user=user, course=course_site["course"])
    return user


def lesson(page):
    return LessonPage.objects.get(pk=page.pk)


def signed_in(person):
    """A test client with this person's session."""
    client = Client()
    client.force_login(person)
    return client
