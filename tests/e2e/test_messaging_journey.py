"""Two phones chat: a French student writes to her instructor from the course page;
the instructor, in English, answers from the Messages link in the header without the
page reloading; the student's open conversation receives the answer (by polling when
there is no socket) and her message shows read (blue ticks)."""

import re

import pytest
from playwright.sync_api import expect

from ..conftest import make_person
from ..enrolment.conftest import build_course_site
from .helpers import log_in, url_path

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUESTION = "Bonjour Aïcha, quelle base pour une peau grasse ?"
ANSWER = "Hello Linda, a mattifying primer. See lesson 2!"


@pytest.fixture
def course(db):
    from enrolment.services import enrol

    site = build_course_site()
    student = make_person(
        "linda@example.cm", first_name="Linda", last_name="Ewane", is_student=True
    )
    enrol(user=student, course=site["course"])
    return site["course"]


def test_student_and_instructor_chat_in_french_and_english(
    live_server, page, other_page, screenshot, course
):
    # The student writes from her course page (French).
    log_in(live_server, page, "linda@example.cm", "fr")
    page.goto(live_server.url + course.url)
    page.click("text=Écrire à la formatrice ou au formateur")
    expect(page.locator("h1")).to_contain_text("Écrire à")
    page.fill("textarea[name=text]", QUESTION)
    screenshot("70-messaging-first-message-fr")
    page.click("form.send-form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/fr/messages/\d+/#m\d+$"))
    mine = page.locator("li.msg.mine", has_text=QUESTION)
    expect(mine).to_have_attribute("data-state", "sent")
    conversation_url = page.url.split("#")[0]

    # The instructor sees the unread count in the header and answers (English).
    log_in(live_server, other_page, "aicha@example.cm", "en")
    link = other_page.locator("a[data-messages-link]")
    expect(link).to_contain_text("Messages")
    expect(link.locator("[data-unread-count]")).to_have_text("1")
    link.click()
    expect(other_page).to_have_url(url_path(live_server, "/en/messages/"))
    screenshot("71-messaging-list-en", of=other_page)
    other_page.click("ul.conversations a")
    expect(other_page.locator("li.msg", has_text=QUESTION)).to_be_visible()
    answer_page_url = other_page.url
    other_page.fill("textarea[name=text]", ANSWER)
    other_page.click("form.send-form button[type=submit]")
    # Sent by the page script: no reload, the bubble is hers.
    expect(other_page.locator("li.msg.mine", has_text=ANSWER)).to_be_visible()
    assert other_page.url == answer_page_url
    expect(other_page.locator("textarea[name=text]")).to_have_value("")
    screenshot("72-messaging-conversation-en", of=other_page)

    # The student's open page gets the answer and the read ticks, without a reload.
    expect(page.locator("li.msg:not(.mine)", has_text=ANSWER)).to_be_visible(timeout=15_000)
    expect(mine).to_have_attribute("data-state", "read", timeout=15_000)
    assert page.url.split("#")[0] == conversation_url
    screenshot("73-messaging-conversation-fr")
