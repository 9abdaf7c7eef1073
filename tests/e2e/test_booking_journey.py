"""The client's booking on a 360x800 phone, in French and in English: search the
directory, open a professional, pick a service and a free time, pay the deposit with
the sandbox Mobile Money phone, and see the booking confirmed. Once the appointment
has happened the professional marks it completed on her own phone, and the client's
review then shows on the public profile."""

import re

import pytest
from playwright.sync_api import expect

from booking.models import Booking
from checkout.models import Payment

from ..booking.conftest import move_to_past
from .helpers import BOTH_LANGUAGES, language_of, log_in, url_path

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The deposit as each language writes amounts.
DEPOSIT = {"fr": "2\u00a0000\u00a0FCFA", "en": "FCFA 2,000"}
REVIEW = {
    "fr": "Tresses très nettes, posées à l'heure. Je reviendrai !",
    "en": "Very neat braids, done on time. I will come back!",
}


@BOTH_LANGUAGES
def test_client_books_pays_the_deposit_and_reviews_after_the_appointment(
    live_server, page, other_page, screenshot, booking_site, e2e_locale
):
    language = language_of(e2e_locale)
    service = booking_site["service"]
    directory = booking_site["index"] if language == "fr" else booking_site["index_en"]
    log_in(live_server, page, "cliente@example.cm", language)

    # Search the directory and open the professional.
    page.goto(live_server.url + directory.url)
    expect(page.locator("html")).to_have_attribute("lang", language)
    search = page.locator("form[role=search]")
    search.locator("input[name=q]").fill("Awa")
    search.locator("input[name=q]").press("Enter")
    card = page.locator("ul.cards a", has_text="Awa Tresses")
    expect(card).to_have_count(1)
    screenshot(f"50-directory-search-{language}")
    card.click()
    expect(page.locator("main h1")).to_have_text("Awa Tresses")
    profile_url = page.url
    screenshot(f"51-professional-{language}")

    # A service, then its first free time: the time is held while the deposit is paid.
    page.click(f"main a[href='/{language}/bookings/service/{service.pk}/']")
    first_slot = page.locator("form.slot-grid button[name=start]").first
    expect(first_slot).to_be_visible()
    screenshot(f"52-free-slots-{language}")
    first_slot.click()
    expect(page).to_have_url(re.compile(rf"/{language}/checkout/buy/booking/\d+/$"))
    expect(page.locator("form.pay-form")).to_be_visible()
    booking = Booking.objects.get(client__email="cliente@example.cm")
    assert booking.status == Booking.Status.HELD
    assert page.url.endswith(f"/booking/{booking.pk}/")

    page.check("form.pay-form input[value=sandbox]")
    page.fill("form.pay-form input[name=phone]", "6 70 00 00 99")
    screenshot(f"53-deposit-form-{language}")
    page.click("form.pay-form button[type=submit]")
    expect(page.locator("[data-status-message]")).to_contain_text(DEPOSIT[language])

    # The test phone (opened from the waiting page) approves; the waiting page moves on.
    with page.context.expect_page() as opened:
        page.click("a[href*='/checkout/sandbox-phone/']")
    phone = opened.value
    phone.click("button[value=approve]")
    # Close it only once it shows the answer: closing a page mid-navigation can hang.
    expect(phone.locator("button[value=approve]")).to_have_count(0)
    phone.close()
    expect(page).to_have_url(
        url_path(live_server, f"/{language}/bookings/{booking.reference}/"), timeout=30_000
    )
    expect(page.locator("main .badge.status-confirmed")).to_be_visible()
    screenshot(f"54-booking-confirmed-{language}")
    assert Payment.objects.get(order__item_type="booking").status == Payment.Status.PAID

    # The appointment took place (two hours ago); Awa marks it completed.
    move_to_past(booking)
    log_in(live_server, other_page, "awa.tresses@example.cm", language)
    other_page.goto(f"{live_server.url}/{language}/bookings/pro/")
    other_page.click(f"main a[href='/{language}/bookings/{booking.reference}/']")
    other_page.click("main a[href$='/completed/']")
    # A confirmation step (no script needed) says what happens to the deposit.
    other_page.click("main form[method=post] button[type=submit]")
    expect(other_page.locator("main .badge.status-completed")).to_be_visible()
    screenshot(f"55-marked-completed-{language}", of=other_page)

    # The client reviews it, once; the review shows on the profile.
    page.reload()
    page.click(f"main a[href='/{language}/bookings/{booking.reference}/review/']")
    page.check("input[name=rating][value='5']")
    page.fill("textarea[name=text]", REVIEW[language])
    screenshot(f"56-review-form-{language}")
    page.click("main form button[type=submit]")
    expect(page.locator(f"main a[href$='/{booking.reference}/review/']")).to_have_count(0)
    page.goto(profile_url)
    review = page.locator("main blockquote.review")
    expect(review).to_contain_text("5/5")
    expect(review).to_contain_text(REVIEW[language])
    screenshot(f"57-review-on-profile-{language}")
