"""The refund queue on a 360x800 phone: a moderator finds an Orange Money refund waiting
for staff (Orange has no refund API), records the transfer she made by hand, and the
order is refunded."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import MODERATORS_GROUP
from checkout import refunds
from checkout.models import Order, Payment, Refund
from checkout.purchasables import Fulfiller, Offer, register

from ..conftest import make_person
from .helpers import admin_log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MODERATOR = "fatou.support@example.cm"


class _Kit(Fulfiller):
    item_type = "e2e-kit"

    def offer(self, *, item_id, user):
        return Offer(description="Kit tresses", price_xaf=5000)

    def on_paid(self, *, order):
        pass

    def on_refunded(self, *, order, amount_xaf):
        pass


def _waiting_orange_refund(moderator):
    register(_Kit())
    buyer = make_person("awa.eleve@example.cm", first_name="Awa", last_name="Ndongo")
    order = Order.objects.create(
        user=buyer,
        item_type="e2e-kit",
        item_id="1",
        description="Kit tresses",
        list_price_xaf=5000,
        amount_xaf=5000,
        status=Order.Status.PAID,
    )
    payment = Payment.objects.create(
        order=order,
        provider="orange_money",
        reference=uuid.uuid4(),
        phone="+237699123456",
        amount_xaf=5000,
        status=Payment.Status.PAID,
        expires_at=timezone.now() + timedelta(minutes=10),
    )
    refund = refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="Cours annulé", requested_by=moderator
    )
    Refund.objects.filter(pk=refund.pk).update(waiting_since=timezone.now() - timedelta(hours=2))
    return refund


def test_a_moderator_records_an_orange_refund_made_by_hand(live_server, page, screenshot, settings):
    settings.CHECKOUT_PROVIDERS = {
        **settings.CHECKOUT_PROVIDERS,
        "orange_money": "checkout.providers.orange_money.provider.OrangeMoneyProvider",
    }
    moderator = make_person(MODERATOR, groups=[MODERATORS_GROUP])
    refund = _waiting_orange_refund(moderator)
    admin_log_in(live_server, page, MODERATOR)

    page.goto(f"{live_server.url}/admin/refunds/")
    expect(page.locator("main")).to_contain_text("Orange Money")
    expect(page.locator("main")).to_contain_text("Awa Ndongo")
    screenshot("refund-queue")

    page.click(f"a[href='/admin/refunds/{refund.pk}/']")
    page.fill("input[name=hand_reference]", "MP251205.1034.B77")
    screenshot("refund-by-hand")
    page.click("form button:has-text('Enregistrer comme remboursé à la main')")

    expect(page.locator("main")).to_contain_text("Aucun remboursement")
    screenshot("refund-queue-empty")
    refund.refresh_from_db()
    assert refund.status == Refund.Status.DONE_BY_HAND
    assert Order.objects.get(pk=refund.payment.order_id).status == Order.Status.REFUNDED
