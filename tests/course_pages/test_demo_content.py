"""The bilingual demo catalogue (demo.loaders.catalogue): complete, translated, idempotent,
and every kind of page renders in French and English.

The demo is loaded once for the module (inside a transaction rolled back at the end);
each test runs in its own savepoint on top of it."""

import pytest
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

from accounts.models import INSTRUCTORS_GROUP, User
from core.deferred_indexing import indexing_deferred
from course_pages.models import (
    CourseCategory,
    CourseIndexPage,
    CoursePage,
    CurriculumIndexPage,
    CurriculumPage,
    InstructorIndexPage,
    InstructorPage,
    LessonPage,
    LessonVideo,
    PortfolioPage,
)
from course_pages.prerequisites import find_prerequisite_cycle, order_problems
from demo.loaders import catalogue as course_demo
from demo.loaders import people as accounts_demo
from demo.loaders import site as home_demo
from demo.sample_media import ffmpeg_available
from home.models import HomePage

pytestmark = pytest.mark.demo_content

LESSON_BLOCK_TYPES = {
    "heading",
    "paragraph",
    "video",
    "guide",
    "gallery",
    "steps",
    "quiz",
    "assignment",
}
LANGUAGES = ["fr", "en"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with indexing_deferred():
            accounts_demo.load()
            home_demo.load()
            course_demo.load()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def locales(demo, db):
    return {code: Locale.objects.get(language_code=code) for code in LANGUAGES}


def live_courses(locale):
    return CoursePage.objects.live().filter(locale=locale)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_least_twelve_courses_across_the_five_categories(locales, lang):
    courses = list(live_courses(locales[lang]).select_related("category"))

    assert len(courses) >= 12
    assert {course.category.locale_id for course in courses} == {locales[lang].pk}
    assert CourseCategory.objects.filter(locale=locales[lang]).count() == 5
    assert len({course.category_id for course in courses}) == 5
    assert {course.level for course in courses} == {"beginner", "intermediate", "advanced"}
    prices = [course.price_xaf for course in courses]
    assert all(isinstance(price, int) for price in prices)
    assert 0 in prices
    assert all(2500 <= price <= 25000 for price in prices if price)
    assert 3 <= sum(course.included_in_subscription for course in courses) <= 4


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_course_has_four_to_eight_lessons_and_a_free_first_one(locales, lang):
    for course in live_courses(locales[lang]):
        lessons = list(LessonPage.objects.live().child_of(course))
        assert 4 <= len(lessons) <= 8, course.title
        assert lessons[0].is_preview, course.title
        assert not any(lesson.is_preview for lesson in lessons[1:]), course.title
        assert all(lesson.duration_minutes > 0 for lesson in lessons)
        assert course.cover_image_id and course.learning_outcomes and course.kit_list


def test_prerequisites_point_to_french_courses_and_never_go_round(locales):
    courses = list(CoursePage.objects.all())
    with_prerequisites = [course for course in courses if course.prerequisites]

    assert len(with_prerequisites) >= 4
    for course in courses:
        assert find_prerequisite_cycle(course) == []
        for block in course.prerequisites:
            assert block.value.locale_id == locales["fr"].pk


def test_english_courses_use_english_categories_and_french_instructor_pages(locales):
    for course in live_courses(locales["en"]).select_related("category", "instructor"):
        assert course.category.locale_id == locales["en"].pk
        assert course.instructor.locale_id == locales["fr"].pk


@pytest.mark.parametrize("lang", LANGUAGES)
def test_three_instructors_each_with_a_portfolio_of_before_and_after_pairs(locales, lang):
    instructors = list(InstructorPage.objects.live().filter(locale=locales[lang]))

    assert len(instructors) == 3
    for instructor in instructors:
        assert instructor.photo_id and instructor.headline and instructor.bio
        assert instructor.user.instructor_status == User.InstructorStatus.APPROVED
        assert instructor.user.groups.filter(name=INSTRUCTORS_GROUP).exists()
        portfolios = list(PortfolioPage.objects.live().child_of(instructor))
        assert 1 <= len(portfolios) <= 2
        for portfolio in portfolios:
            pairs = [
                block for block in portfolio.specific.body if block.block_type == "before_after"
            ]
            assert 2 <= len(pairs) <= 3
            assert all(pair.value["caption"] for pair in pairs)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_two_curricula_in_a_possible_order(locales, lang):
    curricula = list(CurriculumPage.objects.live().filter(locale=locales[lang]))

    assert len(curricula) == 2
    for curriculum in curricula:
        courses = [block.value for block in curriculum.courses]
        assert len(courses) >= 3
        assert order_problems(courses) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lesson_block_type_is_used(locales, lang):
    used = {
        block.block_type
        for lesson in LessonPage.objects.filter(locale=locales[lang])
        for block in lesson.body
    }
    expected = LESSON_BLOCK_TYPES if ffmpeg_available() else LESSON_BLOCK_TYPES - {"video"}

    assert used >= expected
    quizzes = [
        block.value
        for lesson in LessonPage.objects.filter(locale=locales[lang])
        for block in lesson.body
        if block.block_type == "quiz"
    ]
    kinds = {question.value["kind"] for quiz in quizzes for question in quiz["questions"]}
    assert kinds == {"single", "multiple"}


def test_one_sample_video_serves_several_lessons(locales):
    if not ffmpeg_available():
        pytest.skip("FFmpeg is not installed: the demo has no video.")
    video = LessonVideo.objects.get()
    lessons_with_video = [
        lesson
        for lesson in LessonPage.objects.filter(locale=locales["fr"])
        if any(block.block_type == "video" for block in lesson.body)
    ]

    assert video.original.name.endswith(".mp4")
    assert len(lessons_with_video) >= 3
    assert all(
        block.value["video"].pk == video.pk
        for lesson in lessons_with_video
        for block in lesson.body
        if block.block_type == "video"
    )


def test_every_french_page_has_a_live_english_translation(locales):
    home = HomePage.objects.get(locale=locales["fr"])
    french_pages = Page.objects.descendant_of(home, inclusive=True).live()

    assert french_pages.count() > 80
    english_keys = set(
        Page.objects.live().filter(locale=locales["en"]).values_list("translation_key", flat=True)
    )
    missing = [page.title for page in french_pages if page.translation_key not in english_keys]
    assert missing == []


def test_english_pages_have_english_slugs(locales):
    assert CourseIndexPage.objects.get(locale=locales["en"]).slug == "courses"
    assert InstructorIndexPage.objects.get(locale=locales["en"]).slug == "instructors"
    assert CurriculumIndexPage.objects.get(locale=locales["en"]).slug == "learning-paths"
    assert live_courses(locales["en"]).filter(slug="bridal-make-up").exists()
    assert live_courses(locales["fr"]).filter(slug="maquillage-de-mariee").exists()


def test_home_page_button_leads_to_the_catalogue_in_its_language(locales):
    for lang in LANGUAGES:
        home = HomePage.objects.get(locale=locales[lang])
        assert home.hero_cta_page_id == CourseIndexPage.objects.get(locale=locales[lang]).pk
        assert (
            home.hero_cta_text
            == {"fr": "Découvrir les formations", "en": "Browse the courses"}[lang]
        )


def test_section_pages_are_in_the_menu(locales):
    for model in (CourseIndexPage, InstructorIndexPage, CurriculumIndexPage):
        assert all(page.show_in_menus for page in model.objects.all())


def test_loading_again_creates_nothing(locales):
    def counts():
        return {
            "pages": Page.objects.count(),
            "revisions": Revision.objects.count(),
            "images": get_image_model().objects.count(),
            "documents": get_document_model().objects.count(),
            "videos": LessonVideo.objects.count(),
            "categories": CourseCategory.objects.count(),
            "users": User.objects.count(),
        }

    before = counts()
    course_demo.load()

    assert counts() == before


def _page(kind, locale):
    if kind == "catalogue":
        return CourseIndexPage.objects.get(locale=locale)
    if kind == "course":
        return live_courses(locale).get(slug__in=["maquillage-de-mariee", "bridal-make-up"])
    if kind == "lesson-preview":
        course = live_courses(locale).get(slug__in=["maquillage-de-mariee", "bridal-make-up"])
        return LessonPage.objects.live().child_of(course).filter(is_preview=True).first()
    if kind == "instructors":
        return InstructorIndexPage.objects.get(locale=locale)
    if kind == "instructor":
        return InstructorPage.objects.get(locale=locale, slug="aicha-mbarga")
    if kind == "portfolio":
        instructor = InstructorPage.objects.get(locale=locale, slug="aicha-mbarga")
        return PortfolioPage.objects.live().child_of(instructor).first()
    if kind == "curricula":
        return CurriculumIndexPage.objects.get(locale=locale)
    return CurriculumPage.objects.live().filter(locale=locale).first()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "kind",
    [
        "catalogue",
        "course",
        "lesson-preview",
        "instructors",
        "instructor",
        "portfolio",
        "curricula",
        "curriculum",
    ],
)
def test_demo_pages_render(client, locales, lang, kind):
    page = _page(kind, locales[lang])
    url = page.get_url()

    assert url.startswith(f"/{lang}/")
    try:
        response = client.get(url)
    except TemplateDoesNotExist as missing:
        pytest.skip(f"Template {missing} is not written yet (page templates come from the lead).")

    assert response.status_code == 200, url
    assert escape(page.title) in response.content.decode()
