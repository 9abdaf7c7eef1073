"""The data migration of refunds that settle: old refunds keep their history, except
failed automatic refunds of a duplicate payment, which nobody was asked to act on: they
enter the refund queue."""

import importlib

import pytest
from django.apps import apps

from checkout.models import Refund

pytestmark = pytest.mark.django_db

fill_new_fields = importlib.import_module("checkout.migrations.0005_refunds_settle").fill_new_fields


def test_old_refunds_keep_their_state_but_forgotten_duplicates_wait_for_staff(
    make_mobile_money_payment, orders_moderator
):
    def old(status, reason, by=None):
        # Each on its own payment: a payment with a done refund was refunded after all.
        payment = make_mobile_money_payment(provider="mtn_momo", phone="+237677123456")
        return Refund.objects.create(
            payment=payment,
            provider="",
            amount_xaf=1000,
            reason=reason,
            status=status,
            requested_by=by,
        )

    forgotten = old("failed", "Duplicate payment: refunded automatically")
    refused = old("failed", "Cours annulé", by=orders_moderator)
    done = old("done", "Geste commercial", by=orders_moderator)

    fill_new_fields(apps, None)

    for refund in (forgotten, refused, done):
        refund.refresh_from_db()
        assert refund.provider == "mtn_momo"
    assert (forgotten.status, forgotten.duplicate) == (Refund.Status.WAITING_FOR_STAFF, True)
    assert forgotten.staff_reason and forgotten.waiting_since
    assert (refused.status, refused.duplicate) == (Refund.Status.FAILED, False)
    assert done.status == Refund.Status.DONE
    assert len({forgotten.reference, refused.reference, done.reference}) == 3
