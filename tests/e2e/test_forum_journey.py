"""A course forum on two phones: a French student opens her course's forum from the
course page and asks; the instructor, in English, answers and endorses the answer; the
student sees the endorsed answer first, accepts it, and the thread shows solved."""

import re

import pytest
from playwright.sync_api import expect

from ..conftest import make_person
from ..enrolment.conftest import build_course_site
from .helpers import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Poudre avant ou après le fond de teint ?"
QUESTION = "Bonjour, pour une peau grasse, je mets la poudre avant ou après ?"
ANSWER = "After the foundation, pressed in with a sponge on the T-zone. See lesson 2."


@pytest.fixture
def course(db):
    from enrolment.services import enrol

    site = build_course_site()
    student = make_person(
        "linda@example.cm", first_name="Linda", last_name="Tchoua", is_student=True
    )
    enrol(user=student, course=site["course"])
    return site["course"]


def test_student_asks_instructor_answers_and_endorses(
    live_server, page, other_page, screenshot, course
):
    # The student asks from her course page (French).
    log_in(live_server, page, "linda@example.cm", "fr")
    page.goto(live_server.url + course.url)
    page.click("text=Forum du cours")
    expect(page).to_have_url(re.compile(r"/fr/forums/\d+/$"))
    expect(page.locator("h1")).to_have_text("Teint parfait")
    page.click("text=Poser une question")
    page.fill("input[name=title]", TITLE)
    page.fill("textarea[name=body]", QUESTION)
    screenshot("80-forum-ask-fr")
    page.click("form.post-form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/fr/forums/thread/\d+/$"))
    expect(page.locator("h1")).to_have_text(TITLE)
    thread_path = page.url.removeprefix(live_server.url).replace("/fr/", "/en/", 1)

    # The instructor answers in English and endorses her answer.
    log_in(live_server, other_page, "aicha@example.cm", "en")
    other_page.goto(live_server.url + "/en/forums/")
    other_page.click("text=Teint parfait")
    other_page.click(f"text={TITLE}")
    assert other_page.url == live_server.url + thread_path
    other_page.fill("#reply-body", ANSWER)
    other_page.click("#answer button[type=submit]")
    answer = other_page.locator("article.post", has_text=ANSWER)
    expect(answer).to_be_visible()
    answer.locator("button", has_text="Endorse").click()
    expect(
        other_page.locator("article.post", has_text=ANSWER).locator(".tag.endorsed")
    ).to_have_text("★ Endorsed by the instructor")
    screenshot("81-forum-endorsed-en", of=other_page)

    # The student sees the endorsed answer and accepts it.
    page.reload()
    mine = page.locator("article.post", has_text=ANSWER)
    expect(mine.locator(".tag.endorsed")).to_contain_text(
        "Approuvée par la formatrice ou le formateur"
    )
    mine.locator("button", has_text="Accepter cette réponse").click()
    expect(page.locator("article.post.accepted", has_text=ANSWER)).to_be_visible()
    expect(page.locator(".tag.ok").first).to_have_text("Résolu")
    screenshot("82-forum-solved-fr")
