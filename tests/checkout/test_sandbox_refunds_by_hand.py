"""The sandbox's Orange Money-like number (6 99 00 00 05): paid like any other, but its
refunds have no API, as Orange Money's: they wait for staff in the refund queue, and a
refund recorded by hand settles them. Any other sandbox number is refunded by the API."""

import pytest

from checkout import refunds, services
from checkout.models import Refund, SandboxCharge
from checkout.providers.sandbox import REFUNDS_BY_HAND

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_in_sandbox(mobile_money_buyer, recording_fulfiller):
    def pay(phone):
        order = services.create_order(user=mobile_money_buyer, item_type="test-item", item_id="1")
        payment = services.start_payment(order=order, provider_name="sandbox", phone=phone)
        SandboxCharge.objects.filter(reference=payment.reference).update(
            status=SandboxCharge.Status.APPROVED
        )
        services.poll_payment(payment=payment)
        payment.refresh_from_db()
        assert payment.status == "paid"
        return payment

    return pay


def test_a_refund_to_the_orange_like_number_waits_for_staff(paid_in_sandbox, orders_moderator):
    payment = paid_in_sandbox(REFUNDS_BY_HAND)

    refund = refunds.refund_payment(
        payment=payment, amount_xaf=payment.amount_xaf, reason="x", requested_by=orders_moderator
    )

    assert refund.status == Refund.Status.WAITING_FOR_STAFF
    assert "API de remboursement" in refund.staff_reason  # in French, the default
    assert SandboxCharge.objects.get(reference=payment.reference).refunded_xaf == 0

    settled = refunds.record_hand_refund(
        refund=refund, hand_reference="OM-TRF-123", note="", by=orders_moderator
    )
    assert settled.status == Refund.Status.DONE_BY_HAND


def test_any_other_sandbox_number_is_refunded_by_the_api(paid_in_sandbox, orders_moderator):
    payment = paid_in_sandbox("+237699123456")

    refund = refunds.refund_payment(
        payment=payment, amount_xaf=payment.amount_xaf, reason="x", requested_by=orders_moderator
    )

    assert refund.status == Refund.Status.DONE
    assert SandboxCharge.objects.get(reference=payment.reference).refunded_xaf == payment.amount_xaf
