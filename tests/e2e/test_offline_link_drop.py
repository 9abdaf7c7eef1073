"""The link drops while the phone still says it is online (navigator.onLine stays true):
"done" and quiz answers are kept on the phone just as when it is offline, with the same
"will be sent" note, and sent once when the link is back. With the link up, the same
forms still end on the server's own page (the next lesson, the quiz result)."""

import pytest
from playwright.sync_api import expect

from enrolment.models import LessonProgress, OfflineAction, QuizAttempt

from ..course_pages.builders import make_lesson
from ..enrolment.conftest import QUIZ
from .helpers import log_in
from .offline_helpers import NBSP, QUEUED, controlled, enrolled_linda, free_course

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DROPPED = ["**/done/", "**/quiz/**", "**/learn/offline/sync/"]


@pytest.fixture
def course(db):
    _, course = free_course(title="Tresses", slug="tresses")
    lessons = [
        make_lesson(
            course,
            title="Démêler",
            slug="demeler",
            body=[("paragraph", "<p>Du bout vers la racine.</p>")],
        ),
        make_lesson(course, title="Le test", slug="le-test", body=[QUIZ]),
        make_lesson(
            course,
            title="Finitions",
            slug="finitions",
            body=[("paragraph", "<p>Scellez les pointes.</p>")],
        ),
    ]
    return {"course": course, "lessons": lessons, "student": enrolled_linda(course)}


def drop_the_link(context):
    for pattern in DROPPED:
        context.route(pattern, lambda route: route.abort("connectionreset"))


def test_work_is_kept_when_the_link_drops_without_the_phone_knowing(
    live_server, page, screenshot, course
):
    reading, quiz_lesson, last = course["lessons"]
    log_in(live_server, page, "linda@example.cm", "fr")
    page.goto(live_server.url + reading.url)
    controlled(page)

    # The link drops; the phone still believes it is online.
    drop_the_link(page.context)
    page.click("form[action$='/done/'] button[type=submit]")
    expect(page.locator("[data-offline-note]")).to_have_text(QUEUED)
    assert page.evaluate("navigator.onLine") is True
    expect(page).to_have_url(live_server.url + reading.url)

    page.goto(live_server.url + quiz_lesson.url)
    quiz = page.locator("form[action*='/quiz/']")
    for answer in ["Matifiante", "Éponge", "Pinceau"]:
        quiz.get_by_label(answer, exact=True).check()
    quiz.locator("button[type=submit]").click()
    note = page.locator("[data-offline-note]")
    expect(note).to_have_text(QUEUED)
    screenshot("70-link-dropped-quiz-queued-fr")
    assert not LessonProgress.objects.exists() and not QuizAttempt.objects.exists()

    # The link is back: the queue goes, once.
    page.context.unroute_all()
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(note).to_have_text(f"Envoyé{NBSP}: quiz réussi avec 100 %.")
    assert LessonProgress.objects.count() == 2
    assert QuizAttempt.objects.count() == 1
    assert OfflineAction.objects.count() == 2

    # Link up: "done" ends on the server's page, as the form always did.
    page.goto(live_server.url + last.url)
    page.click("form[action$='/done/'] button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Leçon terminée. Bravo")
    expect(page).to_have_url(live_server.url + course["course"].url)
    assert LessonProgress.objects.count() == 3
