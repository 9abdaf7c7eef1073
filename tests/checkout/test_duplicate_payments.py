"""Nobody pays twice for one thing: a second pay form reuses the open order, and a second
payment that still arrives for something already paid is refunded and flagged."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from checkout import services
from checkout.errors import RefundRefused
from checkout.models import (
    LedgerLine,
    LedgerTransaction,
    Order,
    Payment,
    Refund,
    SandboxCharge,
    Subscription,
)
from enrolment.models import Enrolment

from ..conftest import make_person

WAITING_PHONE = "6 70 00 00 99"


@pytest.fixture
def buyer(db):
    return make_person("twice.buyer@example.cm", is_student=True, phone="+237677123456")


def _open_form(client, url):
    return re.search(r'name="token" value="([0-9a-f-]+)"', client.get(url).content.decode())[1]


def _submit(client, url, token):
    data = {"token": token, "method": "sandbox", "phone": WAITING_PHONE, "coupon": ""}
    return client.post(url, data)


def _approve_on_phone(client, payment):
    return client.post(f"/fr/checkout/sandbox-phone/{payment.reference}/", {"answer": "approve"})


def _net_clearing():
    return sum(
        LedgerLine.objects.filter(account="provider_clearing").values_list("amount_xaf", flat=True)
    )


@pytest.mark.django_db
def test_two_pay_forms_for_one_course_make_one_order_and_one_charge(
    client, paid_course, buyer, django_capture_on_commit_callbacks
):
    client.force_login(buyer)
    url = f"/fr/checkout/buy/course/{paid_course.pk}/"
    first_form, second_form = _open_form(client, url), _open_form(client, url)

    first = _submit(client, url, first_form)
    second = _submit(client, url, second_form)
    with django_capture_on_commit_callbacks(execute=True):
        _approve_on_phone(client, Payment.objects.get())

    assert first.url == second.url
    assert Order.objects.count() == 1 and Payment.objects.count() == 1
    assert LedgerTransaction.objects.filter(kind="sale").count() == 1
    assert Enrolment.objects.filter(user=buyer).count() == 1


@pytest.mark.django_db
def test_a_second_payment_for_a_course_already_paid_is_refunded_and_flagged(
    client, paid_course, buyer, django_capture_on_commit_callbacks
):
    client.force_login(buyer)
    url = f"/fr/checkout/buy/course/{paid_course.pk}/"
    _submit(client, url, _open_form(client, url))
    first = Payment.objects.get()
    Payment.objects.filter(pk=first.pk).update(
        status=Payment.Status.EXPIRED, expires_at=timezone.now() - timedelta(seconds=1)
    )
    client.post(f"/fr/checkout/payment/{first.reference}/retry/")
    second = Payment.objects.exclude(pk=first.pk).get()

    with django_capture_on_commit_callbacks(execute=True):
        _approve_on_phone(client, second)
    with django_capture_on_commit_callbacks(execute=True):
        _approve_on_phone(client, first)  # the old prompt, answered late

    order = Order.objects.get()
    refund = Refund.objects.get()
    assert order.status == Order.Status.PAID and order.refunded_xaf == 0
    assert order.needs_review and "refunded automatically" in order.review_reason
    assert refund.payment_id == first.pk and refund.status == Refund.Status.DONE
    assert refund.amount_xaf == 5000
    assert SandboxCharge.objects.get(reference=first.reference).refunded_xaf == 5000
    assert _net_clearing() == 5000
    assert Enrolment.objects.filter(user=buyer, status=Enrolment.Status.ACTIVE).count() == 1


@pytest.mark.django_db
def test_a_late_payment_on_an_expired_order_is_refunded_when_a_newer_order_paid(
    recording_fulfiller, buyer, django_capture_on_commit_callbacks
):
    old = services.create_order(user=buyer, item_type="test-item", item_id="7")
    late = services.start_payment(order=old, provider_name="sandbox", phone=WAITING_PHONE)
    Payment.objects.filter(pk=late.pk).update(
        status=Payment.Status.EXPIRED, expires_at=timezone.now() - timedelta(seconds=1)
    )
    Order.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    new = services.create_order(user=buyer, item_type="test-item", item_id="7")
    paying = services.start_payment(order=new, provider_name="sandbox", phone=WAITING_PHONE)

    for payment in (paying, late):
        SandboxCharge.objects.filter(reference=payment.reference).update(status="approved")
        with django_capture_on_commit_callbacks(execute=True):
            services.poll_payment(payment=payment)

    old.refresh_from_db()
    new.refresh_from_db()
    assert new.pk != old.pk and new.status == Order.Status.PAID
    assert old.status == Order.Status.REFUNDED and old.needs_review
    assert recording_fulfiller.paid == [new.pk] and recording_fulfiller.refunded == []
    assert _net_clearing() == 5000


@pytest.mark.django_db
def test_a_second_subscription_payment_on_one_order_is_refunded_and_adds_no_time(
    subscription_site, django_capture_on_commit_callbacks
):
    student = subscription_site["student"]
    order = services.create_order(user=student, item_type="subscription", item_id="monthly")
    payments = []
    for _attempt in range(2):
        payment = services.start_payment(order=order, provider_name="sandbox", phone=WAITING_PHONE)
        Payment.objects.filter(pk=payment.pk).update(
            status=Payment.Status.EXPIRED, expires_at=timezone.now() - timedelta(seconds=1)
        )
        payments.append(payment)
    for payment in payments:
        SandboxCharge.objects.filter(reference=payment.reference).update(status="approved")
        with django_capture_on_commit_callbacks(execute=True):
            services.poll_payment(payment=payment)

    assert Subscription.objects.filter(user=student).count() == 1
    assert Refund.objects.get().payment_id == payments[1].pk
    order.refresh_from_db()
    assert order.status == Order.Status.PAID and order.needs_review
    assert _net_clearing() == 5000


@pytest.mark.django_db
def test_when_the_provider_cannot_refund_the_order_stays_flagged_for_staff(
    recording_fulfiller, buyer, django_capture_on_commit_callbacks, monkeypatch
):
    from checkout.providers.sandbox import SandboxProvider

    def refuse(self, payment, amount_xaf, *, reference):
        raise RefundRefused("no refunds today")

    monkeypatch.setattr(SandboxProvider, "refund", refuse)
    order = services.create_order(user=buyer, item_type="test-item", item_id="8")
    first = services.start_payment(order=order, provider_name="sandbox", phone=WAITING_PHONE)
    Payment.objects.filter(pk=first.pk).update(status=Payment.Status.FAILED)
    second = services.start_payment(order=order, provider_name="sandbox", phone=WAITING_PHONE)
    for payment in (second, first):
        SandboxCharge.objects.filter(reference=payment.reference).update(status="approved")
        with django_capture_on_commit_callbacks(execute=True):
            services.poll_payment(payment=payment)

    order.refresh_from_db()
    assert Refund.objects.get().status == Refund.Status.WAITING_FOR_STAFF
    assert "refund by hand" in order.review_reason
    assert _net_clearing() == 10000
