"""A failed payment says, in the person's language, what happened and what to do next:
never a provider's raw code."""

import re

import pytest

from checkout.models import Order, Payment
from enrolment.models import Enrolment

from ..conftest import make_person
from ..course_pages.builders import make_course


@pytest.fixture
def paid_course(course_site):
    return make_course(
        course_site["catalogue"],
        course_site["course"].instructor,
        title="Mariée pro",
        slug="mariee-pro",
        price_xaf=5000,
    )


@pytest.fixture
def buyer(db):
    return make_person("failing.buyer@example.cm", is_student=True)


def _pay(client, course, language, phone):
    url = f"/{language}/checkout/buy/course/{course.pk}/"
    token = re.search(r'name="token" value="([0-9a-f-]+)"', client.get(url).content.decode())
    data = {"token": token.group(1), "method": "sandbox", "phone": phone, "coupon": ""}
    return client.post(url, data)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "Le paiement a été refusé sur le téléphone."),
        ("en", "The payment was refused on the phone."),
    ],
)
@pytest.mark.django_db
def test_a_payment_refused_at_once_explains_itself_in_the_persons_language(
    client, paid_course, buyer, language, sentence
):
    client.force_login(buyer)

    page = _pay(client, paid_course, language, "6 70 00 00 02").content.decode()

    assert sentence in page.replace("\u2019", "'")
    assert "APPROVAL_REJECTED" not in page
    assert Payment.objects.get().status == Payment.Status.FAILED
    assert Payment.objects.get().failure_reason == "APPROVAL_REJECTED"
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("APPROVAL_REJECTED", "The payment was refused on the phone."),
        ("NOT_ENOUGH_FUNDS", "There is not enough money on this account."),
        ("PAYER_NOT_FOUND", "This number has no Mobile Money account."),
        ("PAYER_LIMIT_REACHED", "This account has reached its payment limit."),
        ("INTERNAL_PROCESSING_ERROR", "The payment service had a problem"),
        ("CANCELLED", "The payment was refused on the phone."),
        ("FAILED", "The payment did not go through and no money was taken."),
        ("async_payment_failed", "The card payment did not go through"),
        ("SOMETHING_NEW", "The payment did not go through and no money was taken."),
        ("", "The payment did not go through and no money was taken."),
    ],
)
@pytest.mark.django_db
def test_every_provider_failure_code_reads_as_a_sentence_with_a_next_step(
    client, paid_course, buyer, code, sentence
):
    from django.utils import timezone

    order = Order.objects.create(
        user=buyer,
        item_type="course",
        item_id=str(paid_course.pk),
        description="Mariée pro",
        list_price_xaf=5000,
        amount_xaf=5000,
    )
    payment = Payment.objects.create(
        order=order,
        provider="sandbox",
        reference="5b7f0f7e-1d3a-4c44-9d55-2b1e7c9f0a11",
        amount_xaf=5000,
        status=Payment.Status.FAILED,
        failure_reason=code,
        expires_at=timezone.now(),
    )
    client.force_login(buyer)

    page = client.get(f"/en/checkout/payment/{payment.reference}/").content.decode()

    assert sentence in page.replace("\u2019", "'")
    assert not code or code not in page
    assert "Try again" in page
