"""Adaptive next steps in the browser, on a 360x800 phone: a student fails a quiz and is
told which lesson to review, reviews it, passes with full marks and is offered to skip
the beginner lesson she tested out of."""

import re

import pytest
from playwright.sync_api import expect

from enrolment.services import enrol

from ..conftest import PASSWORD, make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson
from ..enrolment.conftest import QUIZ
from ..enrolment.test_adaptive_next_steps import step, with_rules

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def adaptive_course(db):
    site = build_site()
    _, instructor = make_instructor("aicha@example.cm", index=site["instructors"], title="Aïcha")
    course = make_course(site["catalogue"], instructor, title="Teint parfait", price_xaf=0)
    tools = make_lesson(
        course, title="Les outils", slug="outils", body=[("paragraph", "<p>Pinceaux.</p>")]
    )
    quiz = make_lesson(course, title="Quiz", slug="quiz", body=[QUIZ])
    practice = make_lesson(
        course, title="Pratique débutante", slug="pratique", body=[("paragraph", "<p>Go</p>")]
    )
    make_lesson(course, title="Finitions", slug="finitions", body=[("paragraph", "<p>Fin</p>")])
    quiz = with_rules(quiz, step(0, 49, "review", tools), step(90, 100, "test_out", practice))
    student = make_person("linda@example.cm", is_student=True)
    enrol(user=student, course=course)
    return {"course": course, "quiz": quiz}


def test_fail_review_pass_and_skip(live_server, page, screenshot, adaptive_course):
    page.goto(live_server.url + "/fr/accounts/login/")
    page.fill("input[name=login]", "linda@example.cm")
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    expect(page).to_have_url(re.compile(r".*/fr/account/$"))

    page.goto(live_server.url + adaptive_course["quiz"].url)
    page.check("text=Huileuse")
    page.click("text=Vérifier mes réponses")
    advice = page.locator("#next-step")
    expect(advice).to_contain_text("Votre score\u00a0: 0/2. Nous vous suggérons de revoir")
    screenshot("60-quiz-failed-review-suggested")
    advice.locator("a").click()
    expect(page).to_have_url(re.compile(r".*/outils/$"))

    page.goto(live_server.url + adaptive_course["quiz"].url)
    page.check("text=Matifiante")
    page.check("text=Éponge")
    page.check("text=Pinceau")
    page.click("text=Vérifier mes réponses")
    expect(advice).to_contain_text("Vous avez validé «\u00a0Pratique débutante\u00a0»")
    screenshot("61-quiz-passed-skip-offered")
    advice.locator("a").click()
    expect(page).to_have_url(re.compile(r".*/finitions/$"))

    page.goto(live_server.url + adaptive_course["course"].url)
    expect(page.locator(".lesson-list")).to_contain_text("Validé par un quiz")
