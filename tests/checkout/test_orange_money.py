"""The Orange Money backend, over real HTTP against the fake Orange API (fake_mobile_money)."""

import base64
import uuid

import pytest
from django.test import RequestFactory

from checkout import services
from checkout.errors import (
    InvalidNotification,
    PaymentDeclined,
    ProviderUnavailable,
    RefundRefused,
)
from checkout.models import Order, Payment
from checkout.providers import base, get_provider

from ..loopback_server import CLIENT_TIMEOUT
from . import fake_mobile_money as fake

pytestmark = pytest.mark.django_db

MP = "/omcoreapis/1.0.2/mp"
NOTIF_URL = "https://academy.example.cm/checkout/webhooks/orange_money/"


@pytest.fixture
def orange(mobile_money):
    return get_provider("orange_money")


@pytest.fixture
def pay_with(make_mobile_money_payment):
    def make(number, **fields):
        return make_mobile_money_payment(provider="orange_money", phone=f"+237{number}", **fields)

    return make


def started(provider, payment):
    """Start, and keep the payToken as services.start_payment does."""
    payment.provider_reference = provider.start(payment).provider_reference
    payment.save(update_fields=["provider_reference"])
    return payment


def notification_request(method, body):
    return RequestFactory().generic(
        method, "/checkout/webhooks/orange_money/", body, content_type="application/json"
    )


def test_start_inits_then_asks_the_customer_to_confirm(orange, mobile_money, pay_with):
    payment = pay_with("699123456", amount_xaf=7500)

    result = orange.start(payment)

    [token] = mobile_money.token_calls("orange")
    basic = base64.b64encode(
        f"{fake.ORANGE_CLIENT_ID}:{fake.ORANGE_CLIENT_SECRET}".encode()
    ).decode()
    assert token.headers["Authorization"] == f"Basic {basic}"
    assert token.form == {"grant_type": "client_credentials"}
    [init] = mobile_money.requests_to("POST", f"{MP}/init")
    [pay] = mobile_money.requests_to("POST", f"{MP}/pay")
    for call in (init, pay):
        assert call.headers["Authorization"].startswith("Bearer ")
        assert call.headers["X-AUTH-TOKEN"] == fake.ORANGE_X_AUTH_TOKEN
    pay_token = pay.json["payToken"]
    assert result.provider_reference == pay_token
    assert pay.json == {
        "notifUrl": NOTIF_URL,
        "channelUserMsisdn": fake.ORANGE_MERCHANT_MSISDN,
        "amount": "7500",
        "subscriberMsisdn": "699123456",
        "pin": fake.ORANGE_MERCHANT_PIN,
        "orderId": payment.order.number,
        "description": f"Beauty Skills Academy {payment.order.number}",
        "payToken": pay_token,
    }
    assert result.raw["data"]["status"] == "PENDING"
    assert fake.ORANGE_MERCHANT_PIN not in str(result.raw)


def test_one_token_serves_several_calls(orange, mobile_money, pay_with):
    payment = started(orange, pay_with(fake.ORANGE_ONGOING))
    for _ in range(3):
        orange.poll(payment)

    assert len(mobile_money.token_calls("orange")) == 1


def test_a_token_orange_no_longer_accepts_is_replaced_once(orange, mobile_money, pay_with):
    payment = started(orange, pay_with(fake.ORANGE_ONGOING))
    mobile_money.revoke_tokens()

    assert orange.poll(payment).status == base.PENDING
    assert len(mobile_money.token_calls("orange")) == 2


@pytest.mark.parametrize(
    ("number", "status", "reason"),
    [
        (fake.ORANGE_FAILED, base.FAILED, "FAILED"),
        (fake.ORANGE_CANCELLED, base.FAILED, "CANCELLED"),
        (fake.ORANGE_EXPIRED, base.EXPIRED, "EXPIRED"),
        (fake.ORANGE_ONGOING, base.PENDING, ""),
        (fake.ORANGE_DELAYED, base.PENDING, ""),
        ("699123456", base.PAID, ""),
    ],
)
def test_each_test_number_maps_to_its_status(orange, pay_with, number, status, reason):
    payment = started(orange, pay_with(number))

    result = orange.poll(payment)

    assert (result.status, result.reason) == (status, reason)
    assert result.provider_reference == payment.provider_reference
    assert (result.amount_xaf, result.currency) == (5000, None)


def test_a_delayed_customer_is_pending_then_paid(orange, mobile_money, pay_with):
    mobile_money.delayed_polls = 2
    payment = started(orange, pay_with(fake.ORANGE_DELAYED))

    statuses = [orange.poll(payment).status for _ in range(3)]

    assert statuses == [base.PENDING, base.PENDING, base.PAID]


def test_a_customer_orange_refuses_at_start_gets_a_clear_message(orange, pay_with):
    with pytest.raises(PaymentDeclined) as refused:
        orange.start(pay_with(fake.ORANGE_REFUSED_AT_START))

    assert "Orange Money a refusé ce paiement" in refused.value.message


def test_a_number_outside_cameroon_is_declined_before_any_call(
    orange, mobile_money, make_mobile_money_payment
):
    payment = make_mobile_money_payment(provider="orange_money", phone="+33612345678")

    with pytest.raises(PaymentDeclined):
        orange.start(payment)
    assert mobile_money.requests == []


@pytest.mark.parametrize("fault", [fake.SLOW, fake.SERVER_ERROR, fake.MALFORMED])
@pytest.mark.parametrize("path", ["/token", f"{MP}/init", f"{MP}/pay"])
def test_start_without_a_usable_answer_is_unavailable(orange, mobile_money, pay_with, fault, path):
    mobile_money.fault(fault, path)

    with pytest.raises(ProviderUnavailable):
        orange.start(pay_with("699123456"))


@pytest.mark.parametrize("fault", [fake.SLOW, fake.SERVER_ERROR, fake.MALFORMED])
def test_status_without_a_usable_answer_is_unavailable(orange, mobile_money, pay_with, fault):
    payment = started(orange, pay_with("699123456"))
    mobile_money.fault(fault, f"{MP}/paymentstatus/")

    with pytest.raises(ProviderUnavailable):
        orange.poll(payment)


def test_a_payment_without_paytoken_cannot_be_checked(orange, pay_with):
    with pytest.raises(ProviderUnavailable):
        orange.poll(pay_with("699123456"))


@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_a_notification_is_a_hint_to_check_the_status(orange, mobile_money, pay_with, method):
    payment = started(orange, pay_with("699123456"))

    notification = orange.parse_webhook(
        notification_request(method, mobile_money.orange_notification(payment.provider_reference))
    )

    assert notification.provider_reference == payment.provider_reference
    assert notification.status is None


@pytest.mark.parametrize(
    "body", [b"{not json", b'"MP123"', b'{"status": "SUCCESSFULL"}', b'{"payToken": 42}']
)
def test_a_notification_we_cannot_read_is_invalid(orange, body):
    with pytest.raises(InvalidNotification):
        orange.parse_webhook(notification_request("POST", body))


def test_orange_has_no_refund_api(orange, pay_with):
    payment = started(orange, pay_with("699123456"))
    orange.poll(payment)

    assert orange.refunds_by_api is False
    with pytest.raises(RefundRefused):
        orange.refund(payment, 5000, reference=uuid.uuid4())


def test_a_notification_through_the_webhook_view_pays_once(
    client, mobile_money, mobile_money_buyer, recording_fulfiller
):
    order = Order.objects.create(
        user=mobile_money_buyer,
        item_type="test-item",
        item_id="1",
        description="Test item 1",
        list_price_xaf=5000,
        amount_xaf=5000,
    )
    payment = services.start_payment(
        order=order, provider_name="orange_money", phone="699 12 34 56"
    )
    body = mobile_money.orange_notification(payment.provider_reference)

    first = client.post("/checkout/webhooks/orange_money/", body, content_type="application/json")
    again = client.put("/checkout/webhooks/orange_money/", body, content_type="application/json")
    services.poll_payment(payment=payment)

    assert (first.status_code, again.status_code) == (202, 202)
    payment.refresh_from_db()
    order.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    assert order.status == Order.Status.PAID
    assert recording_fulfiller.paid == [order.pk]


def test_a_payment_orange_took_while_we_timed_out_still_counts(
    client, mobile_money, mobile_money_buyer, recording_fulfiller
):
    order = Order.objects.create(
        user=mobile_money_buyer,
        item_type="test-item",
        item_id="1",
        description="Test item 1",
        list_price_xaf=5000,
        amount_xaf=5000,
    )
    mobile_money.slow_seconds = CLIENT_TIMEOUT + 0.2  # just past our timeout; Orange still takes it
    mobile_money.fault(fake.SLOW, f"{MP}/pay")
    with pytest.raises(ProviderUnavailable):
        services.start_payment(order=order, provider_name="orange_money", phone="699123456")
    payment = Payment.objects.get(order=order)
    assert payment.status == Payment.Status.FAILED
    assert payment.provider_reference in mobile_money.orange_payments
    assert fake.wait_for(
        lambda: mobile_money.orange_payments[payment.provider_reference]["status"] == "PENDING"
    )
    mobile_money.clear_faults()

    answer = client.post(
        "/checkout/webhooks/orange_money/",
        mobile_money.orange_notification(payment.provider_reference),
        content_type="application/json",
    )

    assert answer.status_code == 202
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    assert recording_fulfiller.paid == [order.pk]
