"""The MTN MoMo backend, over real HTTP against the fake MoMo API (fake_mobile_money)."""

import base64
import json
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

REQUEST_TO_PAY = "/collection/v1_0/requesttopay"
CALLBACK_URL = "https://academy.example.cm/checkout/webhooks/mtn_momo/"


@pytest.fixture
def momo(mobile_money):
    return get_provider("mtn_momo")


@pytest.fixture
def pay_with(make_mobile_money_payment):
    def make(number, **fields):
        return make_mobile_money_payment(provider="mtn_momo", phone=f"+{number}", **fields)

    return make


def callback_request(method, body, **headers):
    return RequestFactory().generic(
        method, "/checkout/webhooks/mtn_momo/", body, content_type="application/json", **headers
    )


def test_start_asks_mtn_to_collect_under_our_reference(momo, mobile_money, pay_with):
    payment = pay_with("237677123456", amount_xaf=7500)

    started = momo.start(payment)

    assert started.provider_reference == str(payment.reference)
    [call] = mobile_money.requests_to("POST", REQUEST_TO_PAY)
    token = mobile_money.token_calls("collection")[0]
    assert token.headers["Ocp-Apim-Subscription-Key"] == fake.MTN_SUBSCRIPTION_KEY
    basic = base64.b64encode(f"{fake.MTN_API_USER}:{fake.MTN_API_KEY}".encode()).decode()
    assert token.headers["Authorization"] == f"Basic {basic}"
    assert call.headers["Authorization"].startswith("Bearer ")
    assert call.headers["X-Reference-Id"] == str(payment.reference)
    assert call.headers["X-Target-Environment"] == "sandbox"
    assert call.headers["X-Callback-Url"] == CALLBACK_URL
    assert call.headers["Ocp-Apim-Subscription-Key"] == fake.MTN_SUBSCRIPTION_KEY
    assert call.json == {
        "amount": "7500",
        "currency": "XAF",
        "externalId": payment.order.number,
        "payer": {"partyIdType": "MSISDN", "partyId": "237677123456"},
        "payerMessage": f"Beauty Skills Academy {payment.order.number}",
        "payeeNote": payment.order.number,
    }


def test_one_token_serves_several_calls(momo, mobile_money, pay_with):
    payment = pay_with(fake.MTN_ONGOING)
    momo.start(payment)
    for _ in range(3):
        momo.poll(payment)

    assert len(mobile_money.token_calls("collection")) == 1
    assert len(mobile_money.requests_to("GET", REQUEST_TO_PAY)) == 3


def test_a_token_mtn_no_longer_accepts_is_replaced_once(momo, mobile_money, pay_with):
    payment = pay_with(fake.MTN_ONGOING)
    momo.start(payment)
    mobile_money.revoke_tokens()

    assert momo.poll(payment).status == base.PENDING
    assert len(mobile_money.token_calls("collection")) == 2


def test_a_token_about_to_expire_is_not_kept(momo, mobile_money, pay_with):
    mobile_money.token_lifetime = 30  # shorter than the safety margin
    payment = pay_with(fake.MTN_ONGOING)
    momo.start(payment)
    momo.poll(payment)

    assert len(mobile_money.token_calls("collection")) == 2


@pytest.mark.parametrize(
    ("number", "status", "reason"),
    [
        (fake.MTN_FAILED, base.FAILED, "INTERNAL_PROCESSING_ERROR"),
        (fake.MTN_REJECTED, base.FAILED, "APPROVAL_REJECTED"),
        (fake.MTN_EXPIRED, base.EXPIRED, "EXPIRED"),
        (fake.MTN_ONGOING, base.PENDING, ""),
        (fake.MTN_DELAYED, base.PENDING, ""),
        (fake.MTN_PAYER_NOT_FOUND, base.FAILED, "PAYER_NOT_FOUND"),
        ("237677123456", base.PAID, ""),
    ],
)
def test_each_sandbox_number_maps_to_its_status(momo, pay_with, number, status, reason):
    payment = pay_with(number)
    momo.start(payment)

    result = momo.poll(payment)

    assert (result.status, result.reason) == (status, reason)
    assert result.provider_reference == str(payment.reference)
    assert (result.amount_xaf, result.currency) == (5000, "XAF")


def test_a_delayed_payer_is_pending_then_paid(momo, mobile_money, pay_with):
    mobile_money.delayed_polls = 2
    payment = pay_with(fake.MTN_DELAYED)
    momo.start(payment)

    statuses = [momo.poll(payment).status for _ in range(3)]

    assert statuses == [base.PENDING, base.PENDING, base.PAID]


def test_the_currency_is_reported_as_mtn_gives_it(momo, pay_with, settings):
    settings.MTN_MOMO_CURRENCY = "EUR"  # the MTN sandbox only takes euros
    payment = pay_with("237677123456")
    momo.start(payment)

    assert momo.poll(payment).currency == "EUR"


def test_starting_again_with_the_same_reference_goes_on(momo, mobile_money, pay_with):
    payment = pay_with("237677123456")
    first = momo.start(payment)

    again = momo.start(payment)

    assert again.provider_reference == first.provider_reference == str(payment.reference)
    assert again.raw["http_status"] == 409
    assert len(mobile_money.requests_to("POST", REQUEST_TO_PAY)) == 2
    assert list(mobile_money.mtn_payments) == [str(payment.reference)]


def test_a_payer_mtn_refuses_at_start_gets_a_clear_message(momo, pay_with):
    payment = pay_with(fake.MTN_REFUSED_AT_START)

    with pytest.raises(PaymentDeclined) as refused:
        momo.start(payment)

    assert "pas de compte MTN Mobile Money" in refused.value.message


@pytest.mark.parametrize("fault", [fake.SLOW, fake.SERVER_ERROR, fake.MALFORMED])
@pytest.mark.parametrize("path", ["/collection/token/", REQUEST_TO_PAY])
def test_start_without_a_usable_answer_is_unavailable(momo, mobile_money, pay_with, fault, path):
    mobile_money.fault(fault, path)

    with pytest.raises(ProviderUnavailable):
        momo.start(pay_with("237677123456"))


@pytest.mark.parametrize("fault", [fake.SLOW, fake.SERVER_ERROR, fake.MALFORMED])
def test_status_without_a_usable_answer_is_unavailable(momo, mobile_money, pay_with, fault):
    payment = pay_with("237677123456")
    momo.start(payment)
    mobile_money.fault(fault, f"{REQUEST_TO_PAY}/")

    with pytest.raises(ProviderUnavailable):
        momo.poll(payment)


def test_an_unreachable_mtn_is_unavailable(momo, pay_with, settings):
    settings.MTN_MOMO_BASE_URL = "http://127.0.0.1:9"

    with pytest.raises(ProviderUnavailable):
        momo.start(pay_with("237677123456"))


def test_a_status_for_a_reference_mtn_does_not_know_is_unavailable(momo, pay_with):
    with pytest.raises(ProviderUnavailable):
        momo.poll(pay_with("237677123456"))


@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_a_callback_is_a_hint_to_check_the_status(momo, mobile_money, pay_with, method):
    payment = pay_with("237677123456")
    momo.start(payment)
    momo.poll(payment)

    notification = momo.parse_webhook(
        callback_request(method, mobile_money.mtn_callback(str(payment.reference)))
    )

    assert notification.provider_reference == str(payment.reference)
    assert notification.status is None  # unsigned: its SUCCESSFUL is not believed
    assert notification.raw["status"] == "SUCCESSFUL"


def test_a_callback_without_referenceid_is_matched_by_its_header(momo, mobile_money, pay_with):
    payment = pay_with("237677123456")
    momo.start(payment)
    body = mobile_money.mtn_callback(str(payment.reference), with_reference=False)

    notification = momo.parse_webhook(
        callback_request("POST", body, HTTP_X_REFERENCE_ID=str(payment.reference).upper())
    )

    assert notification.provider_reference == str(payment.reference)


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"[1, 2]", b'{"status": "SUCCESSFUL"}', b'{"referenceId": "not-a-uuid"}'],
)
def test_a_callback_we_cannot_read_is_invalid(momo, body):
    with pytest.raises(InvalidNotification):
        momo.parse_webhook(callback_request("POST", body))


def test_refund_goes_through_disbursement_under_our_reference(momo, mobile_money, pay_with):
    payment = pay_with("237677123456")
    momo.start(payment)
    momo.poll(payment)
    reference = uuid.uuid4()

    refund = momo.refund(payment, 2000, reference=reference)

    assert refund.done is True
    [call] = mobile_money.requests_to("POST", "/disbursement/v1_0/refund")
    assert call.headers["Ocp-Apim-Subscription-Key"] == fake.MTN_DISBURSEMENT_SUBSCRIPTION_KEY
    assert call.headers["X-Reference-Id"] == refund.provider_reference == str(reference)
    assert call.json["referenceIdToRefund"] == str(payment.reference)
    assert (call.json["amount"], call.json["currency"]) == ("2000", "XAF")
    [token_call] = mobile_money.token_calls("disbursement")
    assert (
        token_call.headers["Authorization"]
        == "Basic "
        + base64.b64encode(
            f"{fake.MTN_DISBURSEMENT_API_USER}:{fake.MTN_DISBURSEMENT_API_KEY}".encode()
        ).decode()
    )


def test_a_refund_mtn_has_not_settled_yet_is_pending(momo, mobile_money, pay_with):
    mobile_money.refund_outcome = "PENDING"
    payment = pay_with("237677123456")
    momo.start(payment)
    momo.poll(payment)

    result = momo.refund(payment, 5000, reference=uuid.uuid4())

    assert (result.done, result.status) == (False, base.REFUND_PENDING)


def test_a_status_check_failing_right_after_mtn_took_the_refund_leaves_it_pending(
    momo, mobile_money, pay_with
):
    payment = pay_with("237677123456")
    momo.start(payment)
    momo.poll(payment)
    mobile_money.fault(fake.SERVER_ERROR, "/disbursement/v1_0/refund/")

    result = momo.refund(payment, 5000, reference=uuid.uuid4())

    assert result.status == base.REFUND_PENDING


def test_a_refund_mtn_says_failed_is_failed(momo, mobile_money, pay_with):
    mobile_money.refund_outcome = "FAILED"
    payment = pay_with("237677123456")
    momo.start(payment)
    momo.poll(payment)

    result = momo.refund(payment, 1000, reference=uuid.uuid4())

    assert (result.status, result.reason) == (base.REFUND_FAILED, "INTERNAL_PROCESSING_ERROR")


@pytest.mark.parametrize("problem", ["refused", "not configured", "collection user only"])
def test_a_refund_mtn_will_not_make_is_refused(momo, mobile_money, pay_with, settings, problem):
    payment = pay_with("237677123456")
    momo.start(payment)
    momo.poll(payment)
    amount = 1000
    if problem == "refused":
        amount = 9000  # more than was paid: MTN answers 400
    elif problem == "not configured":
        settings.MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY = ""
    else:
        settings.MTN_MOMO_DISBURSEMENT_API_USER = ""

    with pytest.raises(RefundRefused):
        momo.refund(payment, amount, reference=uuid.uuid4())
    assert not mobile_money.disbursements()


def test_the_collection_api_user_cannot_disburse(momo, mobile_money, pay_with, settings):
    """The fake tells the products apart, as MTN does: a collection user gets no
    disbursement token."""
    payment = pay_with("237677123456")
    momo.start(payment)
    momo.poll(payment)
    settings.MTN_MOMO_DISBURSEMENT_API_USER = fake.MTN_API_USER
    settings.MTN_MOMO_DISBURSEMENT_API_KEY = fake.MTN_API_KEY

    with pytest.raises(ProviderUnavailable):
        momo.refund(payment, 1000, reference=uuid.uuid4())
    assert not mobile_money.disbursements()


def test_a_callback_through_the_webhook_view_pays_once(
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
    payment = services.start_payment(order=order, provider_name="mtn_momo", phone="677 12 34 56")
    assert payment.provider_reference == str(payment.reference)
    body = mobile_money.mtn_callback(str(payment.reference))

    first = client.post("/checkout/webhooks/mtn_momo/", body, content_type="application/json")
    again = client.put("/checkout/webhooks/mtn_momo/", body, content_type="application/json")
    services.poll_payment(payment=payment)

    assert (first.status_code, again.status_code) == (202, 202)
    payment.refresh_from_db()
    order.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    assert order.status == Order.Status.PAID
    assert recording_fulfiller.paid == [order.pk]
    assert json.loads(mobile_money.requests_to("POST", REQUEST_TO_PAY)[0].body)["payer"] == {
        "partyIdType": "MSISDN",
        "partyId": "237677123456",
    }


def test_a_payment_mtn_took_while_we_timed_out_still_counts(
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
    mobile_money.slow_seconds = CLIENT_TIMEOUT + 0.2  # just past our timeout; MTN still takes it
    mobile_money.fault(fake.SLOW, REQUEST_TO_PAY)
    with pytest.raises(ProviderUnavailable):
        services.start_payment(order=order, provider_name="mtn_momo", phone="677123456")
    payment = Payment.objects.get(order=order)
    assert payment.status == Payment.Status.FAILED
    assert fake.wait_for(lambda: str(payment.reference) in mobile_money.mtn_payments)
    mobile_money.clear_faults()

    answer = client.post(
        "/checkout/webhooks/mtn_momo/",
        mobile_money.mtn_callback(str(payment.reference)),
        content_type="application/json",
    )

    assert answer.status_code == 202
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    assert recording_fulfiller.paid == [order.pk]
