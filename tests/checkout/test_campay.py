"""Campay, the aggregator: a third way to pay (MTN or Orange through one API), against
the fake Campay server (fake_campay) over real HTTP. The webhook is signed and still
only a reason to ask Campay; refunds are withdrawals under our own reference."""

from datetime import timedelta

import pytest
from django.utils import timezone

from checkout import refunds, services, tasks
from checkout.models import LedgerTransaction, Order, Payment, PaymentEvent, Refund

from . import fake_campay as fake

pytestmark = pytest.mark.django_db

PHONE = "+237677123456"
WEBHOOK = "/checkout/webhooks/campay/"


def start(buyer, phone=PHONE):
    order = services.create_order(user=buyer, item_type="test-item", item_id="1")
    return services.start_payment(order=order, provider_name="campay", phone=phone)


def paid(payment):
    payment.refresh_from_db()
    payment.order.refresh_from_db()
    return payment.status == Payment.Status.PAID and payment.order.status == Order.Status.PAID


@pytest.fixture
def buyer(mobile_money_buyer, recording_fulfiller):
    return mobile_money_buyer


def test_a_payment_is_paid_by_the_signed_webhook_after_asking_campay(
    client, campay, buyer, recording_fulfiller
):
    payment = start(buyer)
    collect = campay.requests_to("POST", "/api/collect/")[0].json
    assert collect["from"] == "237677123456" and collect["amount"] == "5000"
    assert collect["external_reference"] == str(payment.reference)
    assert payment.provider_reference == campay.collections()[0]["reference"]

    answer = client.get(WEBHOOK, campay.webhook_query(payment.provider_reference))

    assert answer.status_code == 202
    assert paid(payment) and recording_fulfiller.paid == [payment.order_id]
    # The webhook only said "ask now": the status call decided.
    assert campay.requests_to("GET", f"/api/transaction/{payment.provider_reference}/")
    assert LedgerTransaction.objects.filter(payment=payment, kind="sale").count() == 1


def test_the_same_webhook_twice_pays_once(client, campay, buyer, recording_fulfiller):
    payment = start(buyer)
    query = campay.webhook_query(payment.provider_reference)

    client.get(WEBHOOK, query)
    client.get(WEBHOOK, query)

    assert paid(payment) and recording_fulfiller.paid == [payment.order_id]
    assert LedgerTransaction.objects.filter(payment=payment, kind="sale").count() == 1


def test_a_lost_webhook_is_made_up_for_by_the_status_check(
    campay, buyer, recording_fulfiller, django_capture_on_commit_callbacks
):
    payment = start(buyer)
    Payment.objects.filter(pk=payment.pk).update(next_poll_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        tasks.poll_pending_payments.delay().get()

    assert paid(payment) and recording_fulfiller.paid == [payment.order_id]
    assert payment.events.filter(source=PaymentEvent.Source.WEBHOOK).count() == 0


def test_a_customer_who_approves_after_three_minutes_is_paid_by_polls_with_back_off(
    campay, buyer, recording_fulfiller, monkeypatch
):
    started = timezone.now()
    clock = {"now": started}
    monkeypatch.setattr(timezone, "now", lambda: clock["now"])
    campay.clock = lambda: clock["now"].timestamp()
    payment = start(buyer, phone="+237650000002")
    polled_at = []

    while not paid(payment) and clock["now"] < started + timedelta(minutes=10):
        clock["now"] = max(clock["now"], payment.next_poll_at)
        polled_at.append(clock["now"])
        services.poll_if_due(payment=payment)

    assert paid(payment) and recording_fulfiller.paid == [payment.order_id]
    assert timedelta(minutes=3) <= polled_at[-1] - started < timedelta(minutes=5)
    gaps = [later - earlier for earlier, later in zip(polled_at, polled_at[1:], strict=False)]
    assert gaps == sorted(gaps) and gaps[-1] > gaps[0]  # backing off, never hammering
    assert len(polled_at) < 10


def test_a_forged_webhook_is_refused_and_changes_nothing(client, campay, buyer):
    payment = start(buyer)
    forged = campay.webhook_query(payment.provider_reference, key="not-the-webhook-key")
    unsigned = {**campay.webhook_query(payment.provider_reference), "signature": ""}
    status_calls = len(campay.requests_to("GET", "/api/transaction/"))

    answers = [client.get(WEBHOOK, forged), client.get(WEBHOOK, unsigned)]

    assert [answer.status_code for answer in answers] == [400, 400]
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING and payment.order.status == "pending"
    assert payment.events.filter(source=PaymentEvent.Source.WEBHOOK).count() == 0
    assert len(campay.requests_to("GET", "/api/transaction/")) == status_calls


def test_a_refused_number_ends_the_payment_failed(campay, buyer):
    payment = start(buyer, phone="+237650000001")

    services.poll_payment(payment=payment)

    payment.refresh_from_db()
    assert payment.status == Payment.Status.FAILED and payment.order.status == "pending"


def test_a_refund_is_a_withdrawal_to_the_payer_pending_until_campay_says_done(
    campay, buyer, orders_moderator, recording_fulfiller, django_capture_on_commit_callbacks
):
    payment = start(buyer)
    services.poll_payment(payment=payment)

    refund = refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="Cours annulé", requested_by=orders_moderator
    )

    withdraw = campay.requests_to("POST", "/api/withdraw/")[0].json
    assert withdraw["to"] == "237677123456" and withdraw["amount"] == "5000"
    assert withdraw["external_reference"] == str(refund.reference)
    assert refund.status == Refund.Status.PENDING and not recording_fulfiller.refunded
    Refund.objects.filter(pk=refund.pk).update(next_poll_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        tasks.check_pending_refunds.delay().get()
    refund.refresh_from_db()
    assert refund.status == Refund.Status.DONE
    assert recording_fulfiller.refunded == [(payment.order_id, 5000)]
    assert len(campay.withdrawals()) == 1


def test_a_lost_refund_answer_then_a_retry_pays_once_under_one_reference(
    campay, buyer, orders_moderator, recording_fulfiller, django_capture_on_commit_callbacks
):
    payment = start(buyer)
    services.poll_payment(payment=payment)
    campay.fault(fake.LOST_ANSWER, "/api/withdraw/")

    refund = refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="Cours annulé", requested_by=orders_moderator
    )

    assert refund.status == Refund.Status.PENDING and len(campay.withdrawals()) == 1
    campay.clear_faults()
    reference = refund.reference
    Refund.objects.filter(pk=refund.pk).update(next_poll_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        tasks.check_pending_refunds.delay().get()

    refund.refresh_from_db()
    assert refund.status == Refund.Status.DONE and refund.reference == reference
    assert len(campay.withdrawals()) == 1  # found in Campay's history: not sent again
    assert LedgerTransaction.objects.filter(refund=refund).count() == 1
    assert recording_fulfiller.refunded == [(payment.order_id, 5000)]


def test_a_refund_campay_never_got_is_sent_again_under_the_same_reference(
    campay, buyer, orders_moderator, django_capture_on_commit_callbacks
):
    payment = start(buyer)
    services.poll_payment(payment=payment)
    campay.fault(fake.SERVER_ERROR, "/api/withdraw/")

    refund = refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="Cours annulé", requested_by=orders_moderator
    )
    assert refund.status == Refund.Status.PENDING and not campay.withdrawals()
    campay.clear_faults()
    Refund.objects.filter(pk=refund.pk).update(next_poll_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        tasks.check_pending_refunds.delay().get()
    Refund.objects.filter(pk=refund.pk).update(next_poll_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        tasks.check_pending_refunds.delay().get()

    refund.refresh_from_db()
    sent = campay.requests_to("POST", "/api/withdraw/")
    assert refund.status == Refund.Status.DONE and len(campay.withdrawals()) == 1
    assert {r.json["external_reference"] for r in sent} == {str(refund.reference)}


def test_a_collect_whose_answer_was_lost_is_still_paid_by_its_signed_webhook(
    client, campay, buyer, recording_fulfiller
):
    from checkout.errors import ProviderUnavailable

    campay.fault(fake.LOST_ANSWER, "/api/collect/")
    order = services.create_order(user=buyer, item_type="test-item", item_id="1")
    with pytest.raises(ProviderUnavailable):
        services.start_payment(order=order, provider_name="campay", phone=PHONE)
    payment = Payment.objects.get(order=order)
    assert payment.status == Payment.Status.FAILED and payment.provider_reference is None
    campay.clear_faults()
    campay_reference = campay.collections()[0]["reference"]

    answer = client.get(WEBHOOK, campay.webhook_query(campay_reference))

    assert answer.status_code == 202
    assert paid(payment) and payment.provider_reference == campay_reference
    assert recording_fulfiller.paid == [order.pk]


def test_a_webhook_posted_as_a_form_works_like_the_get_one(client, campay, buyer):
    payment = start(buyer)

    answer = client.post(WEBHOOK, campay.webhook_query(payment.provider_reference))

    assert answer.status_code == 202 and paid(payment)
