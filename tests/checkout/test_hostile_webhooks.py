"""A signed provider notification that is hostile JSON (deep nesting, 5,000 digits, a
NUL) is refused as malformed and changes nothing, where it used to be a 500."""

import pytest

from checkout.models import Payment, PaymentEvent

from .test_course_purchase import (  # noqa: F401 (fixtures)
    buyer,
    pending_payment,
    sandbox_webhook,
)

HOSTILE = {
    "nested": b'{"reference": ' + b"[" * 2000 + b"]" * 2000 + b"}",
    "digits": b'{"reference": "x", "status": "paid", "amount": ' + b"9" * 5000 + b"}",
    "nul": b'{"reference": "x\\u0000", "status": "paid", "amount": 5000}',
    "big": b'{"pad": "' + b"x" * 300_000 + b'"}',
}


@pytest.mark.django_db
def test_hostile_json_in_a_signed_webhook_is_refused_and_changes_nothing(client, pending_payment):  # noqa: F811
    for name, body in HOSTILE.items():
        response = sandbox_webhook(client, body)

        assert response.status_code == 400, name
    pending_payment.refresh_from_db()
    assert pending_payment.status == Payment.Status.PENDING
    assert not PaymentEvent.objects.filter(payment=pending_payment, source="webhook").exists()


@pytest.mark.django_db
def test_hostile_json_to_the_mobile_money_webhooks_is_refused(client, pending_payment):  # noqa: F811
    for provider in ("mtn_momo", "orange_money", "stripe"):
        for name, body in HOSTILE.items():
            response = client.post(
                f"/checkout/webhooks/{provider}/", body, content_type="application/json"
            )

            assert response.status_code < 500, (provider, name)
    pending_payment.refresh_from_db()
    assert pending_payment.status == Payment.Status.PENDING
