"""Storing a read cartridge: a draft course with draft lessons, sent into the
academy's moderation workflow, its pictures and guides in the private libraries.

HTML is sanitised by the lesson editor's own converter (Draftail's contentstate): only
what a lesson's text may hold (bold, italic, links, lists, h3, pictures) comes through."""

import json
from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from course_pages.blocks import LESSON_TEXT_FEATURES
from course_pages.models import CourseIndexPage, CoursePage, LessonPage
from course_pages.permissions import align_owner

from .archive import open_cartridge
from .errors import CartridgeError
from .reading import read_plan


@dataclass
class ImportResult:
    course: CoursePage
    lessons: list
    report: list


def import_cartridge(*, upload, instructor, category, user):
    """Read `upload` (a .imscc file) and store it as a draft course of `instructor`
    (a default-locale InstructorPage) in `category`, submitted for moderation.

    Everything is read and checked first: a refused archive stores nothing."""
    cartridge = open_cartridge(upload)
    try:
        plan = read_plan(cartridge)
    finally:
        cartridge.close()
    catalogue = CourseIndexPage.objects.filter(locale=Locale.get_default()).first()
    if catalogue is None:
        raise CartridgeError(_("There is no course catalogue yet: a moderator makes it first."))
    return _store(plan, catalogue=catalogue, instructor=instructor, category=category, user=user)


@transaction.atomic
def _store(plan, *, catalogue, instructor, category, user):
    owner = instructor.user
    course = CoursePage(
        title=plan.title,
        slug=_free_slug(catalogue, plan.title, "course"),
        summary=plan.summary,
        category=category,
        instructor=instructor,
        owner=owner,
        live=False,
    )
    catalogue.add_child(instance=course)
    course.save_revision(user=user, log_action=True)
    media = _Media(user)
    lessons = []
    for plan_lesson in plan.lessons:
        lesson = LessonPage(
            title=plan_lesson.title,
            slug=_free_slug(course, plan_lesson.title, "lesson"),
            summary=plan_lesson.summary,
            duration_minutes=plan_lesson.duration_minutes,
            body=json.dumps(_body(plan_lesson, media)),
            owner=owner,
            live=False,
        )
        course.add_child(instance=lesson)
        lesson.save_revision(user=user, log_action=True)
        lessons.append(lesson)
    align_owner(course)
    for page in [course, *lessons]:
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
    return ImportResult(course=course, lessons=lessons, report=plan.report)


def _free_slug(parent, title, fallback):
    base = slugify(title)[:70].strip("-") or fallback
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


class _Media:
    """Pictures and guides of one import, each stored once."""

    def __init__(self, user):
        self.user = user
        self.collection = Collection.get_first_root_node()
        self.images = {}
        self.documents = {}

    def image(self, picture):
        if picture.path not in self.images:
            name = picture.path.rsplit("/", 1)[-1]
            image = get_image_model()(
                title=(picture.alt or name)[:255],
                file=ImageFile(ContentFile(picture.data), name=name),
                collection=self.collection,
                uploaded_by_user=self.user,
            )
            image.save()
            self.images[picture.path] = image
        return self.images[picture.path]

    def document(self, title, path, data):
        if path not in self.documents:
            document = get_document_model()(
                title=title[:255],
                file=ContentFile(data, name=path.rsplit("/", 1)[-1]),
                collection=self.collection,
                uploaded_by_user=self.user,
            )
            document.save()
            self.documents[path] = document
        return self.documents[path]


def _body(plan_lesson, media):
    """The lesson's StreamField, as the raw JSON Wagtail stores."""
    converter = ContentstateConverter(LESSON_TEXT_FEATURES)
    body = []
    for block in plan_lesson.blocks:
        kind = block[0]
        if kind == "heading":
            body.append({"type": "heading", "value": block[1]})
        elif kind == "html":
            html = _with_embedded_pictures(block[1], block[2], media)
            clean = converter.to_database_format(converter.from_database_format(html))
            if BeautifulSoup(clean, "html.parser").get_text(strip=True) or "<embed" in clean:
                body.append({"type": "paragraph", "value": clean})
        elif kind == "guide":
            document = media.document(block[1], block[2], block[3])
            body.append({"type": "guide", "value": {"document": document.pk, "title": block[1]}})
        elif kind == "link":
            link = f'<p><a href="{escape(block[2])}">{escape(block[1])}</a></p>'
            body.append({"type": "paragraph", "value": link})
        elif kind == "quiz":
            body.append({"type": "quiz", "value": _quiz(block[1])})
    return body


def _with_embedded_pictures(html, pictures, media):
    """Each <img> read from the cartridge as the embed our rich text stores."""
    by_path = {picture.path: picture for picture in pictures}
    soup = BeautifulSoup(html, "html.parser")
    for img in soup.find_all("img"):
        picture = by_path.get(img.get("data-cartridge-path", ""))
        if picture is None:
            img.decompose()
            continue
        embed = soup.new_tag(
            "embed",
            attrs={
                "embedtype": "image",
                "id": str(media.image(picture).pk),
                "format": "fullwidth",
                "alt": picture.alt,
            },
        )
        img.replace_with(embed)
    return str(soup)


def _quiz(quiz):
    return {
        "title": quiz.title[:255],
        "pass_mark": 70,
        "max_attempts_per_day": quiz.max_attempts,
        "questions": [
            {
                "type": "question",
                "value": {
                    "text": question.text,
                    "kind": question.kind,
                    "choices": [
                        {"type": "choice", "value": {"text": text, "is_correct": correct}}
                        for text, correct in question.choices
                    ],
                    "explanation": question.explanation,
                },
            }
            for question in quiz.questions
        ],
        "next_steps": [],
    }
