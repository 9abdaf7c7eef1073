"""Browser journeys on a 360x800 phone: a student pays for a course with the sandbox
Mobile Money phone and lands in the first lesson; then enrols in a free course and
marks a lesson done."""

import re

import pytest
from playwright.sync_api import expect

from checkout.models import Payment

from ..conftest import PASSWORD, make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(live_server, page, email):
    page.goto(live_server.url + "/fr/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    expect(page).to_have_url(re.compile(r".*/fr/account/$"))


@pytest.fixture
def courses(db):
    site = build_site()
    _, instructor = make_instructor("aicha@example.cm", index=site["instructors"], title="Aïcha")
    paid = make_course(site["catalogue"], instructor, title="Maquillage de mariée", price_xaf=5000)
    make_lesson(
        paid, title="Préparer la peau", slug="preparer", body=[("paragraph", "<p>Hydratez.</p>")]
    )
    free = make_course(site["catalogue"], instructor, title="Les bases", slug="bases", price_xaf=0)
    make_lesson(free, title="Hygiène", slug="hygiene", body=[("paragraph", "<p>Désinfectez.</p>")])
    make_person("linda@example.cm", is_student=True)
    return {"paid": paid, "free": free}


def test_student_pays_with_the_sandbox_phone_and_lands_in_the_course(
    live_server, page, screenshot, courses
):
    log_in(live_server, page, "linda@example.cm")

    page.goto(live_server.url + courses["paid"].url)
    page.click("text=S'inscrire à la formation")
    expect(page.locator("h1")).to_have_text("Maquillage de mariée")
    page.check("input[value=sandbox]")
    page.fill("input[name=phone]", "6 70 00 00 99")
    screenshot("20-pay-form")
    page.click("form.pay-form button[type=submit]")
    expect(page.locator("[data-status-message]")).to_contain_text("5\u00a0000\u00a0FCFA")
    screenshot("21-waiting-for-phone")

    reference = Payment.objects.get().reference
    phone = page.context.new_page()
    phone.goto(f"{live_server.url}/fr/checkout/sandbox-phone/{reference}/")
    phone.click("button[value=approve]")
    # Close it only once it shows the answer: closing a page mid-navigation can hang.
    expect(phone.locator("button[value=approve]")).to_have_count(0)
    phone.close()

    # The waiting page polls our status endpoint and moves on by itself.
    expect(page).to_have_url(re.compile(r".*/preparer/$"), timeout=30000)
    expect(page.locator("main")).to_contain_text("Hydratez.")
    screenshot("22-first-lesson-after-payment")


def test_student_enrols_for_free_and_marks_a_lesson_done(live_server, page, screenshot, courses):
    log_in(live_server, page, "linda@example.cm")

    page.goto(live_server.url + courses["free"].url)
    screenshot("23a-free-course-page")
    page.click("text=Commencer gratuitement")
    expect(page).to_have_url(re.compile(r".*/hygiene/$"))
    page.click("text=Marquer cette leçon comme faite")
    expect(page).to_have_url(live_server.url + courses["free"].url)
    expect(page.locator("main")).to_contain_text("Leçons terminées : 1 sur 1")
    screenshot("23-course-progress")
