"""Small builders for course tests: the bilingual catalogue, instructors, courses and
lessons, made the way the site makes them (French first, pages published)."""

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from accounts.models import INSTRUCTORS_GROUP, User
from course_pages.models import (
    CourseCategory,
    CourseIndexPage,
    CoursePage,
    InstructorIndexPage,
    InstructorPage,
    LessonPage,
    LessonVideo,
)
from course_pages.permissions import grant_instructor_permissions
from demo.loaders import site as home_demo
from demo.sample_media import make_image_bytes

from ..conftest import make_person


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _child(parent, page, *, live=True):
    parent.refresh_from_db()
    page.live = live  # Page.live defaults to True: a draft must say so before saving.
    parent.add_child(instance=page)
    if live:
        return _publish(page)
    page.save_revision()
    page.refresh_from_db()
    return page


def build_site():
    """French and English home, catalogue and instructor index, one category in each language."""
    home = home_demo.load()
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    home_en = home.get_translation(english).specific

    catalogue = CourseIndexPage.objects.filter(locale=french).first() or _child(
        home, CourseIndexPage(title="Formations", slug="formations")
    )
    catalogue_en = home_demo.translate_page(catalogue, english, title="Courses", slug="courses")
    instructors = InstructorIndexPage.objects.filter(locale=french).first() or _child(
        home, InstructorIndexPage(title="Formatrices et formateurs", slug="formateurs")
    )
    instructors_en = home_demo.translate_page(
        instructors, english, title="Instructors", slug="instructors"
    )
    category = CourseCategory.objects.filter(locale=french, slug="maquillage").first()
    if category is None:
        category = CourseCategory.objects.create(
            locale=french, name="Maquillage", slug="maquillage", sort_order=1
        )
    category_en = CourseCategory.objects.filter(
        locale=english, translation_key=category.translation_key
    ).first()
    if category_en is None:
        category_en = category.copy_for_translation(english)
        category_en.name = "Make-up"
        category_en.slug = "make-up"
        category_en.save()
    # What the data migration and the admin hooks do on a real site.
    grant_instructor_permissions()
    return {
        "fr": french,
        "en": english,
        "home": home,
        "home_en": home_en,
        "catalogue": catalogue,
        "catalogue_en": catalogue_en,
        "instructors": instructors,
        "instructors_en": instructors_en,
        "category": category,
        "category_en": category_en,
    }


def make_instructor(email, *, index, title=None, live=True, **page_fields):
    """An approved instructor (Instructors group) and their published InstructorPage."""
    user = make_person(
        email,
        groups=[INSTRUCTORS_GROUP],
        instructor_status=User.InstructorStatus.APPROVED,
    )
    title = title or email.split("@")[0].replace(".", " ").title()
    page = InstructorPage(title=title, user=user, owner=user, **page_fields)
    return user, _child(index, page, live=live)


def make_course(index, instructor_page, *, live=True, **fields):
    fields.setdefault("title", "Maquillage de mariée")
    fields.setdefault("summary", "Un teint parfait qui tient toute la journée.")
    if "category" not in fields:
        fields["category"] = CourseCategory.objects.filter(locale=index.locale).first()
    fields.setdefault("owner", instructor_page.user)
    course = CoursePage(instructor=instructor_page, **fields)
    return _child(index, course, live=live)


def make_lesson(course, body=(), is_preview=False, *, live=True, **fields):
    fields.setdefault("title", "Préparer la peau")
    fields.setdefault("owner", course.owner)
    lesson = LessonPage(body=list(body), is_preview=is_preview, **fields)
    return _child(course, lesson, live=live)


def make_lesson_media():
    """A small image, a PDF guide and a processed video, for lesson bodies with every block."""
    image = get_image_model().objects.create(
        title="Teint",
        file=ImageFile(ContentFile(make_image_bytes("Teint", width=320, height=180), "teint.jpg")),
    )
    document = get_document_model().objects.create(
        title="Guide", file=ContentFile(b"%PDF-1.4\n%%EOF\n", "guide.pdf")
    )
    video = LessonVideo.objects.create(
        title="Démonstration",
        original=ContentFile(b"not really a video", "demo.mp4"),
        status=LessonVideo.Status.READY,
    )
    return {"image": image, "document": document, "video": video}
