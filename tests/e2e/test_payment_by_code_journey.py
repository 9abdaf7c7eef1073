"""Paying by code on a 360x800 phone, in French: the student picks "Pay by code (USSD)",
sees the academy's number, the amount and a short code, types the operator's
transaction id and waits; once a moderator confirms, the page says the payment was
received. The code page is kept as a screenshot (test-artifacts/e2e)."""

import pytest
from playwright.sync_api import expect

from checkout import manual_codes
from checkout.models import ManualPayment

from ..checkout.conftest import manual_codes_on, recording_fulfiller  # noqa: F401
from ..conftest import make_person
from .helpers import log_in, url_path

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_student_pays_by_code_and_sees_it_confirmed(
    live_server,
    page,
    screenshot,
    recording_fulfiller,  # noqa: F811
    manual_codes_on,  # noqa: F811
):
    student = make_person("awa.code@example.cm", is_student=True, phone="+237677123456")
    moderator = make_person("moderation.code@example.cm", is_superuser=True, is_staff=True)
    log_in(live_server, page, student.email, "fr")

    page.goto(f"{live_server.url}/fr/checkout/buy/test-item/1/")
    page.get_by_label("Payer par code (USSD)").check()
    page.locator("button[data-once]").click()

    manual = ManualPayment.objects.get()
    expect(page).to_have_url(
        url_path(live_server, f"/fr/checkout/code/{manual.payment.reference}/")
    )
    expect(page.get_by_text("+237 6 99 00 00 00")).to_be_visible()
    expect(page.get_by_text(manual.code, exact=True)).to_be_visible()
    screenshot("payment-by-code-fr")
    page.get_by_label("Identifiant de transaction").fill("MP261205.0912.A10001")
    page.get_by_role("button", name="Envoyer l'identifiant de transaction").click()
    expect(page.get_by_text("Nous avons bien reçu votre identifiant")).to_be_visible()

    manual_codes.confirm(manual=manual, by=moderator)
    page.reload()

    expect(page.get_by_text("Paiement reçu. Merci")).to_be_visible()
    assert recording_fulfiller.paid == [manual.order_id]
