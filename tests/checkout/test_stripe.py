"""The Stripe provider against a fake Stripe API over real HTTP: sessions, status checks,
signed webhooks, refunds and a provider that is down."""

import json
import time
import uuid
from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation

from checkout import purchasables, refunds, services
from checkout.errors import (
    InvalidNotification,
    PaymentDeclined,
    ProviderUnavailable,
    RefundError,
)
from checkout.models import Order, Payment, Refund
from checkout.providers import base, get_provider
from checkout.providers.stripe import StripeProvider

from .fake_stripe import MALFORMED, SERVER_ERROR, SLOW, signature_header, signed_webhook

provider = StripeProvider()


@pytest.fixture
def payment(student, fake_stripe):
    order = Order.objects.create(
        user=student,
        item_type="course",
        item_id="42",
        description="Tresses africaines",
        list_price_xaf=5000,
        amount_xaf=5000,
    )
    return Payment.objects.create(
        order=order,
        provider="stripe",
        reference=uuid.uuid4(),
        amount_xaf=5000,
        expires_at=timezone.now() + timedelta(minutes=10),
    )


def started(payment):
    result = provider.start(payment)
    payment.provider_reference = result.provider_reference
    payment.save(update_fields=["provider_reference"])
    return result


def webhook_request(body, signature=None):
    headers = {"Stripe-Signature": signature} if signature is not None else {}
    return RequestFactory().post(
        "/checkout/webhooks/stripe/", data=body, content_type="application/json", headers=headers
    )


# --- Starting a payment ------------------------------------------------------------------


def test_start_creates_a_checkout_session_for_the_amount_in_whole_francs(payment, fake_stripe):
    with translation.override("en"):
        result = provider.start(payment)

    (sent,) = fake_stripe.requests_to("POST", "/v1/checkout/sessions")
    item = sent.params["line_items"][0]
    assert item["price_data"]["currency"] == "xaf"
    assert item["price_data"]["unit_amount"] == "5000"  # zero-decimal: not 500000
    assert item["price_data"]["product_data"]["name"] == "Tresses africaines"
    assert item["quantity"] == "1"
    assert sent.params["mode"] == "payment"
    waiting_page = f"https://academy.example.cm/en/checkout/payment/{payment.reference}/"
    assert sent.params["success_url"] == waiting_page
    assert sent.params["cancel_url"] == waiting_page
    assert sent.params["client_reference_id"] == str(payment.reference)
    assert sent.params["metadata"] == {
        "payment_reference": str(payment.reference),
        "order_number": payment.order.number,
    }
    assert sent.params["locale"] == "en"
    assert sent.headers["Idempotency-Key"] == str(payment.reference)
    session = fake_stripe.sessions[result.provider_reference]
    assert session["amount_total"] == 5000
    assert result.redirect_url == session["url"]


def test_french_buyers_come_back_to_the_french_waiting_page(payment, fake_stripe):
    with translation.override("fr"):
        provider.start(payment)

    (sent,) = fake_stripe.requests_to("POST", "/v1/checkout/sessions")
    assert sent.params["success_url"].startswith("https://academy.example.cm/fr/checkout/")
    assert sent.params["locale"] == "fr"


def test_starting_the_same_payment_twice_makes_one_session(payment, fake_stripe):
    first = provider.start(payment)
    second = provider.start(payment)

    assert second == first
    assert len(fake_stripe.sessions) == 1
    assert len(fake_stripe.requests_to("POST", "/v1/checkout/sessions")) == 2


def test_a_start_that_timed_out_finds_its_session_when_retried(payment, fake_stripe):
    fake_stripe.fault = SLOW
    with pytest.raises(ProviderUnavailable):
        provider.start(payment)
    fake_stripe.fault = None

    result = provider.start(payment)

    assert list(fake_stripe.sessions) == [result.provider_reference]


def test_a_ten_minute_payment_gets_the_shortest_session_stripe_allows(payment, fake_stripe):
    provider.start(payment)

    (sent,) = fake_stripe.requests_to("POST", "/v1/checkout/sessions")
    expires_at = int(sent.params["expires_at"])
    assert time.time() + 30 * 60 < expires_at < time.time() + 40 * 60


def test_a_long_payment_keeps_its_own_expiry_within_a_day(payment, fake_stripe):
    payment.expires_at = payment.created_at + timedelta(hours=2)
    provider.start(payment)
    payment.reference = uuid.uuid4()
    payment.expires_at = payment.created_at + timedelta(days=3)
    provider.start(payment)

    two_hours, three_days = (
        int(r.params["expires_at"])
        for r in fake_stripe.requests_to("POST", "/v1/checkout/sessions")
    )
    assert two_hours == int((payment.created_at + timedelta(hours=2)).timestamp())
    assert three_days < time.time() + 24 * 3600
    assert len(fake_stripe.sessions) == 2


@pytest.mark.parametrize(
    ("status", "error_type", "code", "message"),
    [
        (
            400,
            "invalid_request_error",
            "amount_too_small",
            "This amount is too small for a card payment. Please pay with Mobile Money.",
        ),
        (
            402,
            "card_error",
            "card_declined",
            "The card payment could not be started. Try again, or pay with Mobile Money.",
        ),
    ],
)
def test_a_refused_start_is_declined_with_a_message_for_the_buyer(
    payment, fake_stripe, status, error_type, code, message
):
    fake_stripe.fail_next(status=status, type=error_type, code=code)

    with translation.override("en"), pytest.raises(PaymentDeclined) as declined:
        provider.start(payment)

    assert declined.value.message == message


@pytest.mark.parametrize("fault", [SLOW, SERVER_ERROR, MALFORMED])
def test_a_start_without_a_usable_answer_means_the_provider_is_unavailable(
    payment, fake_stripe, fault
):
    fake_stripe.fault = fault

    with pytest.raises(ProviderUnavailable):
        provider.start(payment)


def test_a_wrong_api_key_is_not_shown_to_the_buyer_as_a_decline(payment, fake_stripe, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_wrong"

    with pytest.raises(ProviderUnavailable):
        provider.start(payment)


# --- Status checks ------------------------------------------------------------------------


def test_an_open_session_is_pending(payment, fake_stripe):
    started(payment)

    assert provider.poll(payment).status == base.PENDING


def test_a_paid_session_is_paid_with_its_amount_and_currency(payment, fake_stripe):
    session_id = started(payment).provider_reference
    fake_stripe.mark_paid(session_id)

    result = provider.poll(payment)

    assert result.status == base.PAID
    assert result.provider_reference == session_id
    assert (result.amount_xaf, result.currency) == (5000, "XAF")
    assert fake_stripe.requests_to("GET", f"/v1/checkout/sessions/{session_id}")


def test_a_session_completed_with_a_delayed_payment_is_still_pending(payment, fake_stripe):
    fake_stripe.mark_awaiting_payment(started(payment).provider_reference)

    assert provider.poll(payment).status == base.PENDING


def test_an_expired_session_is_expired(payment, fake_stripe):
    fake_stripe.mark_expired(started(payment).provider_reference)

    result = provider.poll(payment)

    assert (result.status, result.reason) == (base.EXPIRED, "expired")


def test_a_payment_whose_start_has_not_returned_is_pending_without_asking(payment, fake_stripe):
    assert provider.poll(payment).status == base.PENDING
    assert fake_stripe.requests == []


@pytest.mark.parametrize("fault", [SLOW, SERVER_ERROR, MALFORMED])
def test_a_status_check_without_a_usable_answer_means_unavailable(payment, fake_stripe, fault):
    started(payment)
    fake_stripe.fault = fault

    with pytest.raises(ProviderUnavailable):
        provider.poll(payment)


# --- Webhooks -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_type", "change", "status"),
    [
        ("checkout.session.completed", "mark_paid", base.PAID),
        ("checkout.session.async_payment_succeeded", "mark_paid", base.PAID),
        ("checkout.session.completed", "mark_awaiting_payment", base.PENDING),
        ("checkout.session.async_payment_failed", "mark_awaiting_payment", base.FAILED),
        ("checkout.session.expired", "mark_expired", base.EXPIRED),
    ],
)
def test_a_signed_checkout_session_event_says_what_happened(
    payment, fake_stripe, event_type, change, status
):
    session_id = started(payment).provider_reference
    session = getattr(fake_stripe, change)(session_id)
    body, signature = signed_webhook(event_type, session)

    notification = provider.parse_webhook(webhook_request(body, signature))

    assert notification.provider_reference == session_id
    assert notification.status == status
    assert (notification.amount_xaf, notification.currency) == (5000, "XAF")
    assert notification.raw["event_type"] == event_type


def test_another_session_event_is_a_hint_to_check(payment, fake_stripe):
    session = fake_stripe.sessions[started(payment).provider_reference]
    body, signature = signed_webhook("checkout.session.updated", session)

    notification = provider.parse_webhook(webhook_request(body, signature))

    assert (notification.provider_reference, notification.status) == (session["id"], None)


def test_an_event_about_something_else_names_no_payment(fake_stripe):
    body, signature = signed_webhook("charge.refunded", {"id": "ch_1", "object": "charge"})

    notification = provider.parse_webhook(webhook_request(body, signature))

    assert (notification.provider_reference, notification.status) == ("", None)


def paid_event(payment, fake_stripe):
    session = fake_stripe.mark_paid(started(payment).provider_reference)
    return signed_webhook("checkout.session.completed", session)[0]


def test_a_webhook_signed_with_another_secret_is_refused(payment, fake_stripe):
    body = paid_event(payment, fake_stripe)
    forged = signature_header(body, secret="whsec_somebody_else")

    with pytest.raises(InvalidNotification):
        provider.parse_webhook(webhook_request(body, forged))


def test_a_webhook_whose_body_was_changed_after_signing_is_refused(payment, fake_stripe):
    body = paid_event(payment, fake_stripe)
    signature = signature_header(body)
    tampered = body.replace(b'"amount_total": 5000', b'"amount_total": 50')

    with pytest.raises(InvalidNotification):
        provider.parse_webhook(webhook_request(tampered, signature))


def test_a_webhook_without_signature_is_refused(payment, fake_stripe):
    with pytest.raises(InvalidNotification):
        provider.parse_webhook(webhook_request(paid_event(payment, fake_stripe)))


def test_a_replayed_old_webhook_is_refused(payment, fake_stripe):
    body = paid_event(payment, fake_stripe)
    stale = signature_header(body, timestamp=time.time() - 10 * 60)

    with pytest.raises(InvalidNotification):
        provider.parse_webhook(webhook_request(body, stale))


@pytest.mark.parametrize(
    "body", [b'{"type": "checkout.session.completed", "data": ', b"[]", b'{"object": "event"}']
)
def test_a_signed_but_malformed_webhook_is_refused(fake_stripe, body):
    with pytest.raises(InvalidNotification):
        provider.parse_webhook(webhook_request(body, signature_header(body)))


def test_no_webhook_is_trusted_while_the_secret_is_not_set(payment, fake_stripe, settings):
    body = paid_event(payment, fake_stripe)
    settings.STRIPE_WEBHOOK_SECRET = ""

    with pytest.raises(InvalidNotification):
        provider.parse_webhook(webhook_request(body, signature_header(body, secret="")))


# --- Refunds -------------------------------------------------------------------------------


def test_a_refund_sends_the_amount_in_whole_francs(payment, fake_stripe):
    session = fake_stripe.mark_paid(started(payment).provider_reference)

    reference = uuid.uuid4()
    result = provider.refund(payment, 2000, reference=reference)

    (sent,) = fake_stripe.requests_to("POST", "/v1/refunds")
    assert sent.params["amount"] == "2000"
    assert sent.params["payment_intent"] == session["payment_intent"]
    assert sent.params["metadata"]["payment_reference"] == str(payment.reference)
    assert sent.headers["Idempotency-Key"] == f"refund:{reference}"
    assert result.done
    assert fake_stripe.refunds[result.provider_reference]["amount"] == 2000


def test_a_retried_refund_is_not_paid_twice(payment, fake_stripe):
    fake_stripe.mark_paid(started(payment).provider_reference)

    reference = uuid.uuid4()
    first = provider.refund(payment, 2000, reference=reference)
    second = provider.refund(payment, 2000, reference=reference)

    assert second.provider_reference == first.provider_reference
    assert len(fake_stripe.refunds) == 1


def test_stripe_refusing_a_refund_is_a_refund_error(payment, fake_stripe):
    fake_stripe.mark_paid(started(payment).provider_reference)

    with pytest.raises(RefundError):
        provider.refund(payment, 6000, reference=uuid.uuid4())


def test_an_unpaid_session_has_nothing_to_refund(payment, fake_stripe):
    started(payment)

    with pytest.raises(RefundError):
        provider.refund(payment, 1000, reference=uuid.uuid4())


def test_a_pending_stripe_refund_is_checked_until_it_succeeds(payment, fake_stripe):
    fake_stripe.mark_paid(started(payment).provider_reference)
    fake_stripe.refund_status = "pending"
    first = provider.refund(payment, 2000, reference=uuid.uuid4())
    fake_stripe.refunds[first.provider_reference]["status"] = "succeeded"

    class Asked:
        provider_reference, amount_xaf, reference = first.provider_reference, 2000, None

    assert first.status == base.REFUND_PENDING
    assert provider.refund_status(payment, Asked).status == base.REFUND_DONE


@pytest.mark.parametrize("fault", [SLOW, SERVER_ERROR])
def test_a_refund_without_an_answer_means_unavailable(payment, fake_stripe, fault):
    fake_stripe.mark_paid(started(payment).provider_reference)
    fake_stripe.fault = fault

    with pytest.raises(ProviderUnavailable):
        provider.refund(payment, 1000, reference=uuid.uuid4())


# --- Through the checkout services -------------------------------------------------------


class _TestItem(purchasables.Fulfiller):
    item_type = "stripe-test-item"

    def __init__(self):
        self.paid = []

    def offer(self, *, item_id, user):
        return purchasables.Offer(description="Kit maquillage", price_xaf=7500)

    def on_paid(self, *, order):
        self.paid.append(order.pk)


def test_a_card_payment_is_paid_once_and_refunded_through_the_services(
    student, fake_stripe, monkeypatch
):
    item = _TestItem()
    monkeypatch.setitem(purchasables._registry, item.item_type, item)
    order = services.create_order(user=student, item_type=item.item_type, item_id="1")

    payment = services.start_payment(order=order, provider_name="stripe")
    session = fake_stripe.mark_paid(payment.provider_reference)
    body, signature = signed_webhook("checkout.session.completed", session)
    notification = get_provider("stripe").parse_webhook(webhook_request(body, signature))
    services.apply_status(payment_id=payment.pk, result=notification, source="webhook")
    services.poll_payment(payment=payment)
    refund = refunds.refund_payment(
        payment=payment, amount_xaf=2500, reason="Cours annulé", requested_by=None
    )

    payment.refresh_from_db()
    order.refresh_from_db()
    assert payment.redirect_url == session["url"]
    assert payment.status == Payment.Status.PAID
    assert item.paid == [order.pk]
    assert (order.status, order.refunded_xaf) == (Order.Status.PARTLY_REFUNDED, 2500)
    assert refund.status == Refund.Status.DONE
    assert fake_stripe.refunds[refund.provider_reference]["amount"] == 2500
    assert json.loads(body)["data"]["object"]["amount_total"] == 7500
