"""A demo course exported then imported again gives the same lessons, guides and
questions (as drafts of a new course)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from wagtail.models import Locale

from core.deferred_indexing import indexing_deferred
from course_pages.models import CoursePage, LessonPage
from demo.loaders import catalogue as course_demo
from demo.loaders import people as accounts_demo
from demo.loaders import site as home_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with indexing_deferred():
            accounts_demo.load()
            home_demo.load()
            course_demo.load()
        yield
        transaction.set_rollback(True)


def largest_demo_course():
    courses = CoursePage.objects.filter(locale=Locale.get_default(), live=True)
    return max(
        courses,
        key=lambda course: sum(len(lesson.body) for lesson in LessonPage.objects.child_of(course)),
    )


def shape(course):
    """Per lesson: its title, its guides' titles and its questions with their answers."""
    lessons = []
    for lesson in LessonPage.objects.child_of(course).order_by("path"):
        guides, questions = [], []
        for block in lesson.body:
            if block.block_type == "guide":
                guides.append(block.value["title"] or block.value["document"].title)
            elif block.block_type == "quiz":
                for question in block.value["questions"]:
                    answers = [
                        (c.value["text"], c.value["is_correct"]) for c in question.value["choices"]
                    ]
                    questions.append(
                        (
                            question.value["text"],
                            question.value["kind"],
                            answers,
                            question.value["explanation"],
                        )
                    )
        lessons.append((lesson.title, lesson.summary, lesson.duration_minutes, guides, questions))
    return lessons


def test_export_then_import_gives_the_same_lessons_guides_and_questions(demo, client):
    course = largest_demo_course()
    user = course.instructor.user
    client.force_login(user)
    exported = client.post(reverse("cartridge:export", args=[course.pk]), {"language": "fr"})
    assert exported.status_code == 200
    response = client.post(
        reverse("course_pages_cartridge_import"),
        {
            "cartridge": SimpleUploadedFile("cours.imscc", exported.content),
            "category": course.category_id,
        },
    )
    assert response.status_code == 200
    assert "Tout le contenu de la cartouche a été importé." in response.content.decode()
    imported = CoursePage.objects.get(live=False, title=course.title)
    assert imported.summary == course.summary
    original = shape(course)
    assert any(guides for _t, _s, _d, guides, _q in original)
    assert any(questions for *_rest, questions in original)
    assert shape(imported) == original


def test_both_languages_import_the_french_and_name_the_english(demo, client):
    course = largest_demo_course()
    client.force_login(course.instructor.user)
    exported = client.post(reverse("cartridge:export", args=[course.pk]), {"language": "fr-en"})
    response = client.post(
        reverse("course_pages_cartridge_import"),
        {
            "cartridge": SimpleUploadedFile("cours.imscc", exported.content),
            "category": course.category_id,
        },
    )
    assert (
        "la version English\u00a0: traduisez plutôt la formation importée"
        in response.content.decode()
    )
    imported = CoursePage.objects.get(live=False, title=course.title)
    assert [title for title, *_rest in shape(imported)] == [
        title for title, *_rest in shape(course)
    ]
