"""Buying a paid course with the sandbox provider, from the outside."""

import hashlib
import hmac
import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from checkout.models import LedgerLine, LedgerTransaction, Order, Payment, SandboxCharge
from enrolment.models import Enrolment

from ..conftest import make_person


@pytest.fixture
def buyer(db):
    return make_person("buyer@example.cm", is_student=True, phone="+237677123456")


def form_token(response):
    return re.search(r'name="token" value="([0-9a-f-]+)"', response.content.decode()).group(1)


def pay(client, course, phone="6 70 00 00 01", method="sandbox", token=None, capture=None):
    url = f"/fr/checkout/buy/course/{course.pk}/"
    token = token or form_token(client.get(url))
    data = {"token": token, "method": method, "phone": phone, "coupon": ""}
    if capture is None:
        return client.post(url, data)
    with capture(execute=True):
        return client.post(url, data)


def answer_now(payment):
    SandboxCharge.objects.filter(reference=payment.reference).update(decide_at=timezone.now())
    Payment.objects.filter(pk=payment.pk).update(next_poll_at=timezone.now())


@pytest.mark.django_db
def test_student_pays_by_mobile_money_and_lands_in_the_course(
    client, paid_course, buyer, django_capture_on_commit_callbacks
):
    client.force_login(buyer)

    started = pay(client, paid_course)
    payment = Payment.objects.get()
    waiting = client.get(started.url)
    answer_now(payment)
    with django_capture_on_commit_callbacks(execute=True):
        status = client.get(f"/fr/checkout/payment/{payment.reference}/status/").json()

    assert started.url == f"/fr/checkout/payment/{payment.reference}/"
    assert (
        "Confirmez le paiement de 5\xa0000\xa0FCFA sur votre téléphone." in waiting.content.decode()
    )
    assert status["status"] == "paid" and status["next_url"].endswith("/teint/")
    assert Enrolment.objects.get(user=buyer).source == Enrolment.Source.PURCHASE
    order = Order.objects.get()
    assert order.status == Order.Status.PAID and payment.phone == "+237670000001"
    lines = dict(LedgerLine.objects.values_list("account", "amount_xaf"))
    assert lines == {"provider_clearing": 5000, "payee_payable": -3500, "platform_revenue": -1500}
    assert [m.subject for m in mail.outbox] == [f"Reçu {order.number} — Beauty Skills Academy"]


@pytest.mark.django_db
def test_a_double_tap_on_pay_makes_one_order_and_one_prompt(client, paid_course, buyer):
    client.force_login(buyer)
    token = form_token(client.get(f"/fr/checkout/buy/course/{paid_course.pk}/"))

    first = pay(client, paid_course, token=token)
    second = pay(client, paid_course, token=token)

    assert first.url == second.url
    assert Order.objects.count() == 1 and Payment.objects.count() == 1


@pytest.mark.parametrize("phone", ["+33 6 12 34 56 78", "12345", "abc"])
@pytest.mark.django_db
def test_a_phone_that_is_not_cameroonian_is_refused_and_nothing_is_created(
    client, paid_course, buyer, phone
):
    client.force_login(buyer)

    response = pay(client, paid_course, phone=phone)

    assert response.status_code == 200
    assert "Saisissez un numéro de mobile camerounais" in response.content.decode()
    assert not Order.objects.exists() and not Payment.objects.exists()


@pytest.mark.django_db
def test_a_rejected_prompt_says_why_and_one_tap_tries_again(client, paid_course, buyer):
    client.force_login(buyer)
    pay(client, paid_course, phone="670000099")
    payment = Payment.objects.get()

    client.post(f"/fr/checkout/sandbox-phone/{payment.reference}/", {"answer": "reject"})
    page = client.get(f"/fr/checkout/payment/{payment.reference}/").content.decode()
    again = client.post(f"/fr/checkout/payment/{payment.reference}/retry/")

    assert "refusé sur le téléphone" in page
    assert Payment.objects.count() == 2
    assert again.url == f"/fr/checkout/payment/{Payment.objects.latest('created_at').reference}/"
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_the_sandbox_phone_approves_and_the_course_opens(client, paid_course, buyer):
    client.force_login(buyer)
    pay(client, paid_course, phone="670000099")
    payment = Payment.objects.get()

    client.post(f"/fr/checkout/sandbox-phone/{payment.reference}/", {"answer": "approve"})

    assert Enrolment.objects.filter(user=buyer).exists()
    assert client.get(f"/fr/checkout/payment/{payment.reference}/").status_code == 302


@pytest.mark.django_db
def test_a_success_after_expiry_still_enrols(client, paid_course, buyer):
    from checkout import services

    client.force_login(buyer)
    pay(client, paid_course, phone="670000004")
    payment = Payment.objects.get()
    services.expire_overdue_payments(now=payment.expires_at + timedelta(seconds=1))
    payment.refresh_from_db()
    assert payment.status == Payment.Status.EXPIRED

    SandboxCharge.objects.filter(reference=payment.reference).update(decide_at=timezone.now())
    services.poll_payment(payment=payment)

    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    assert Enrolment.objects.filter(user=buyer).exists()


@pytest.mark.django_db
def test_another_user_cannot_see_the_payment(client, paid_course, buyer):
    client.force_login(buyer)
    pay(client, paid_course)
    payment = Payment.objects.get()
    client.force_login(make_person("other@example.cm"))

    assert client.get(f"/fr/checkout/payment/{payment.reference}/").status_code == 404
    assert client.get(f"/fr/checkout/payment/{payment.reference}/status/").status_code == 404


@pytest.mark.django_db
def test_free_courses_and_owned_courses_are_not_for_sale(client, course_site, paid_course, buyer):
    client.force_login(buyer)

    free = client.get(f"/fr/checkout/buy/course/{course_site['course'].pk}/")
    Enrolment.objects.create(user=buyer, course=paid_course)
    owned = client.get(f"/fr/checkout/buy/course/{paid_course.pk}/")

    assert free.status_code == 409 and owned.status_code == 409
    assert "déjà inscrit" in owned.content.decode()


# --- Webhooks ---------------------------------------------------------------------------


def sandbox_webhook(client, body, secret="sandbox-not-a-secret", signature=None):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    signature = signature or hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return client.post(
        "/checkout/webhooks/sandbox/",
        raw,
        content_type="application/json",
        HTTP_X_SANDBOX_SIGNATURE=signature,
    )


@pytest.fixture
def pending_payment(client, paid_course, buyer):
    client.force_login(buyer)
    pay(client, paid_course, phone="670000099")
    client.logout()
    return Payment.objects.get()


def paid_body(payment, **changes):
    body = {
        "reference": str(payment.reference),
        "status": "paid",
        "amount": 5000,
        "currency": "XAF",
    }
    body.update(changes)
    return body


@pytest.mark.django_db
def test_a_signed_webhook_marks_the_payment_paid(client, pending_payment):
    response = sandbox_webhook(client, paid_body(pending_payment))

    assert response.status_code == 200
    pending_payment.refresh_from_db()
    assert pending_payment.status == Payment.Status.PAID


@pytest.mark.parametrize(
    ("body", "signature", "expected"),
    [
        ("forged", "0" * 64, 400),
        ("unsigned", "", 400),
        ("malformed", None, 400),
        ("unknown", None, 404),
    ],
)
@pytest.mark.django_db
def test_bad_webhooks_are_refused_and_change_nothing(
    client, pending_payment, body, signature, expected
):
    payloads = {
        "forged": paid_body(pending_payment),
        "unsigned": paid_body(pending_payment),
        "malformed": b"{not json",
        "unknown": paid_body(pending_payment, reference="00000000-0000-4000-8000-000000000000"),
    }
    raw = payloads[body]
    if signature == "":
        raw_bytes = json.dumps(raw).encode()
        response = client.post(
            "/checkout/webhooks/sandbox/", raw_bytes, content_type="application/json"
        )
    else:
        response = sandbox_webhook(client, raw, signature=signature)

    assert response.status_code == expected
    pending_payment.refresh_from_db()
    assert pending_payment.status == Payment.Status.PENDING
    assert not Enrolment.objects.exists() and not LedgerTransaction.objects.exists()


@pytest.mark.django_db
def test_a_wrong_amount_is_flagged_and_never_fulfilled(client, pending_payment):
    sandbox_webhook(client, paid_body(pending_payment, amount=500))
    sandbox_webhook(client, paid_body(pending_payment, currency="EUR"))

    order = Order.objects.get()
    assert order.needs_review and "expected 5000 XAF" in order.review_reason
    assert order.status == Order.Status.PENDING
    assert not Enrolment.objects.exists() and not LedgerTransaction.objects.exists()


@pytest.mark.django_db
def test_repeated_news_in_any_order_pays_exactly_once(
    client, pending_payment, django_capture_on_commit_callbacks
):
    from checkout import services
    from checkout.models import PaymentEvent
    from checkout.providers import base

    paid = base.StatusResult(base.PAID, str(pending_payment.reference), 5000, "XAF")
    pending = base.StatusResult(base.PENDING, str(pending_payment.reference))
    with django_capture_on_commit_callbacks(execute=True):
        for result in [pending, paid, paid, pending, paid]:
            services.apply_status(
                payment_id=pending_payment.pk, result=result, source=PaymentEvent.Source.POLL
            )
        for _ in range(3):
            sandbox_webhook(client, paid_body(pending_payment))

    assert LedgerTransaction.objects.filter(kind="sale").count() == 1
    assert Enrolment.objects.count() == 1
    assert len(mail.outbox) == 1
    pending_payment.refresh_from_db()
    assert pending_payment.status == Payment.Status.PAID
