"""Learning offline in English on a 360x800 phone (the lighter twin of the French
journey): the student saves the whole course from its English page, loses the network,
opens a lesson with its pictures, marks it done and answers the quiz; the saved-lessons
page and the offline page speak English; back online, both are sent once."""

import pytest
from playwright.sync_api import expect

from certificates.models import Certificate
from demo.loaders import site as home_demo
from enrolment.models import LessonProgress, OfflineAction

from ..course_pages.builders import make_lesson, make_lesson_media
from ..enrolment.conftest import QUIZ
from .helpers import log_in, translate_lesson
from .offline_helpers import controlled, enrolled_linda, free_course, saved_lesson_ids
from .test_certificate_journey import ENGLISH_LESSONS

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUEUED = "Saved on your phone: it will be sent when you’re back online."


@pytest.fixture
def e2e_locale():
    return "en-GB"


@pytest.fixture
def course(db):
    site, course = free_course(title="Teint éclatant", slug="teint-eclatant")
    image = make_lesson_media()["image"]
    text = (
        "<p>Désinfectez vos pinceaux.</p>"
        f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt=""/>'
    )
    reading = make_lesson(course, title="Hygiène", slug="hygiene", body=[("paragraph", text)])
    quiz = make_lesson(course, title="Le test", slug="le-test", body=[QUIZ])
    english = home_demo.translate_page(
        course, site["en"], title="Radiant complexion", slug="radiant-complexion"
    )
    texts = {**ENGLISH_LESSONS, text: text.replace("Désinfectez vos pinceaux.", "Disinfect.")}
    reading_en = translate_lesson(reading, site["en"], texts, title="Hygiene", slug="hygiene")
    quiz_en = translate_lesson(quiz, site["en"], texts, title="The test", slug="the-test")
    student = enrolled_linda(course)
    return {"course": english, "reading": reading_en, "quiz": quiz_en, "student": student}


def test_a_student_learns_offline_in_english(live_server, page, screenshot, course):
    log_in(live_server, page, "linda@example.cm", "en")
    page.goto(live_server.url + course["course"].url)
    controlled(page, "en")
    box = page.locator("[data-offline-course]")
    expect(box.locator("[data-offline-size]")).to_contain_text("Size for offline: ")
    box.get_by_role("button", name="Save the whole course").click()
    expect(box.locator("[data-offline-status]")).to_have_text(
        "Course saved for offline: its 2 lessons open without the network."
    )
    screenshot("66-offline-course-saved-en")
    assert saved_lesson_ids(page) == sorted([course["reading"].pk, course["quiz"].pk])

    page.context.set_offline(True)
    page.goto(live_server.url + course["reading"].url)
    expect(page.locator("main")).to_contain_text("Disinfect.")
    page.wait_for_function("document.querySelector('.rich img').naturalWidth > 0")
    page.click("form[action$='/done/'] button[type=submit]")
    expect(page.locator("[data-offline-note]")).to_have_text(QUEUED)
    screenshot("67-offline-done-queued-en")

    page.goto(live_server.url + course["quiz"].url)
    quiz = page.locator("form[action*='/quiz/']")
    for answer in ["Mattifying", "Sponge", "Brush"]:
        quiz.get_by_label(answer, exact=True).check()
    quiz.locator("button[type=submit]").click()
    expect(page.locator("[data-offline-note]")).to_have_text(QUEUED)

    # Offline, the saved-lessons page and the offline page speak English.
    page.goto(live_server.url + "/en/offline/saved/")
    expect(page.locator("main h1")).to_have_text("Saved for offline")
    expect(page.locator("[data-offline-group] h2")).to_have_text("Radiant complexion")
    expect(page.locator("[data-offline-group] li")).to_have_count(2)
    # Signed in, she is not asked to log in: the page is shared, its menu neutral.
    expect(page.locator("header")).not_to_contain_text("Log in")
    expect(page.locator("header")).not_to_contain_text("Sign up")
    screenshot("68-offline-saved-page-en")
    page.goto(live_server.url + "/en/checkout/")
    expect(page.locator("main h1")).to_have_text("You are offline")
    screenshot("69-offline-page-en")
    assert not LessonProgress.objects.exists()

    # Back online on the quiz: sent once, the course complete.
    page.goto(live_server.url + course["quiz"].url)
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("[data-offline-note]")).to_have_text("Sent: quiz passed with 100 %.")
    assert LessonProgress.objects.count() == 2
    assert OfflineAction.objects.count() == 2
    assert Certificate.objects.filter(user=course["student"]).count() == 1
