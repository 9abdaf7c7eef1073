"""The link drops while the phone still says it is online (navigator.onLine stays true):
"done" and quiz answers are kept on the phone just as when it is offline, with the same
"will be sent" note, and sent once when the link is back. With the link up, the same
forms still end on the server's own page (the next lesson, the quiz result)."""

import pytest
from playwright.sync_api import expect

from enrolment.models import LessonProgress, OfflineAction, QuizAttempt
from enrolment.services import enrol

from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson
from ..enrolment.conftest import QUIZ
from .helpers import log_in
from .offline_helpers import controlled

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NBSP = "\u00a0"
QUEUED = f"Gardé sur votre téléphone{NBSP}: ce sera envoyé quand vous serez de nouveau en ligne."
DROPPED = ["**/done/", "**/quiz/**", "**/learn/offline/sync/"]


@pytest.fixture
def course(db):
    site = build_site()
    _, instructor = make_instructor("aicha@example.cm", index=site["instructors"], title="Aïcha")
    course = make_course(
        site["catalogue"], instructor, title="Tresses", slug="tresses", price_xaf=0
    )
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
    student = make_person("linda@example.cm", first_name="Linda", is_student=True)
    enrol(user=student, course=course)
    return {"course": course, "lessons": lessons, "student": student}


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
