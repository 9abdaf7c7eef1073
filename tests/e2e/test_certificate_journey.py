"""The student's whole course on a 360x800 phone, in French and in English: find the
course in the catalogue, enrol for free (logging in on the way), read a lesson, pass
the quiz, and so complete the course; the certificate then shows in "My account", its
PDF downloads, and its public verification page says it is valid."""

import re

import pytest
from playwright.sync_api import expect

from certificates.models import Certificate
from demo.loaders import site as home_demo

from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson
from ..enrolment.conftest import QUIZ
from .helpers import BOTH_LANGUAGES, language_of, log_in_on_the_form, translate_lesson, url_path

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What the student sees, and types, in each language.
TEXT = {
    "fr": {
        "search": "éclatant",
        "course": "Teint éclatant",
        "reading": "Désinfectez vos pinceaux.",
        "answers": ["Matifiante", "Éponge", "Pinceau"],
        "passed": "Réussi avec 100 %",
        "valid": "Certificat valide",
    },
    "en": {
        "search": "radiant",
        "course": "Radiant complexion",
        "reading": "Disinfect your brushes.",
        "answers": ["Mattifying", "Sponge", "Brush"],
        "passed": "Passed with 100 %",
        "valid": "Valid certificate",
    },
}

# The quiz and lesson text, French → English (block ids stay the same).
ENGLISH_LESSONS = {
    "<p>Désinfectez vos pinceaux.</p>": "<p>Disinfect your brushes.</p>",
    "Quiz teint": "Complexion quiz",
    "Quelle base pour une peau grasse ?": "Which primer for oily skin?",
    "Matifiante": "Mattifying",
    "Huileuse": "Oily",
    "Une base matifiante limite la brillance.": "A mattifying primer keeps shine down.",
    "Quels outils pour estomper ?": "Which tools do you blend with?",
    "Éponge": "Sponge",
    "Pinceau": "Brush",
    "Peigne": "Comb",
}


@pytest.fixture
def free_course(db):
    """A free bilingual course: a reading lesson, then a lesson that is a quiz."""
    site = build_site()
    _, instructor = make_instructor("aicha@example.cm", index=site["instructors"], title="Aïcha")
    course = make_course(
        site["catalogue"],
        instructor,
        title="Teint éclatant",
        slug="teint-eclatant",
        summary="Un teint net qui dure.",
        price_xaf=0,
    )
    reading = make_lesson(
        course,
        title="Hygiène",
        slug="hygiene",
        body=[("paragraph", "<p>Désinfectez vos pinceaux.</p>")],
    )
    quiz = make_lesson(course, title="Le test", slug="le-test", body=[QUIZ])
    home_demo.translate_page(
        course,
        site["en"],
        title="Radiant complexion",
        slug="radiant-complexion",
        summary="A clean complexion that lasts.",
    )
    translate_lesson(reading, site["en"], ENGLISH_LESSONS, title="Hygiene", slug="hygiene")
    translate_lesson(quiz, site["en"], ENGLISH_LESSONS, title="The test", slug="the-test")
    make_person("linda@example.cm", first_name="Linda", last_name="Tchoua", is_student=True)
    return {"fr": site["catalogue"].url, "en": site["catalogue_en"].url}


@BOTH_LANGUAGES
def test_student_completes_a_free_course_and_gets_a_verifiable_certificate(
    live_server, page, screenshot, free_course, e2e_locale
):
    language = language_of(e2e_locale)
    text = TEXT[language]

    # Browse: the catalogue in the reader's language, searched by a word of the title.
    page.goto(live_server.url + free_course[language])
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.click("details.filters > summary")
    page.fill("form.filter-form input[name=q]", text["search"])
    page.click("form.filter-form button[type=submit]")
    card = page.locator(".cards a", has_text=text["course"])
    expect(card).to_have_count(1)
    screenshot(f"30-catalogue-search-{language}")
    card.click()
    expect(page.locator("main h1")).to_have_text(text["course"])

    # Enrol: a visitor is asked to log in, comes back to the start step (not the
    # course page) and one tap opens the first lesson. The public page carries a link, not
    # a form, so it can be cached for everybody.
    page.click("a.btn[href*='/learn/enrol/']")
    expect(page).to_have_url(re.compile(rf"/{language}/accounts/login/\?next="))
    log_in_on_the_form(page, "linda@example.cm")
    expect(page).to_have_url(re.compile(rf"/{language}/learn/enrol/\d+/$"))
    screenshot(f"30-start-step-{language}")
    page.click("form[action*='/learn/enrol/'] button[type=submit]")

    # The first lesson opens; reading it done, the quiz lesson comes next.
    expect(page.locator("main")).to_contain_text(text["reading"])
    screenshot(f"31-first-lesson-{language}")
    page.click("form[action$='/done/'] button[type=submit]")
    quiz = page.locator("form[action*='/quiz/']")
    expect(quiz).to_be_visible()
    for answer in text["answers"]:
        quiz.get_by_label(answer, exact=True).check()
    screenshot(f"32-quiz-answered-{language}")
    quiz.locator("button[type=submit]").click()
    expect(page.locator("main .note.ok")).to_contain_text(text["passed"])
    screenshot(f"33-quiz-passed-{language}")

    # Passing the last lesson completed the course: the certificate is in My account.
    page.click(f"nav.main-nav a[href='/{language}/account/']")
    certificate = Certificate.objects.get(user__email="linda@example.cm")
    pdf_link = page.locator(f"main a[href='/{language}/certificates/{certificate.code}.pdf']")
    expect(pdf_link).to_have_text(text["course"])
    screenshot(f"34-account-certificate-{language}")

    # The PDF, downloaded with the student's session.
    response = page.context.request.get(live_server.url + pdf_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")

    # The public verification page, reached from "My certificates".
    page.click(f"main a[href='/{language}/certificates/']")
    page.click(f"main a[href='/{language}/verify/{certificate.code}']")
    expect(page).to_have_url(url_path(live_server, f"/{language}/verify/{certificate.code}"))
    result = page.locator("main section.card").first
    expect(result.locator(".note.ok")).to_have_text(text["valid"])
    expect(result).to_contain_text("Linda Tchoua")
    expect(result).to_contain_text(certificate.code)
    screenshot(f"35-verification-valid-{language}")
