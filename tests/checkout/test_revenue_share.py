"""The payee's share is fixed on the order when it is made, from the fulfiller's offer:
a booking deposit is split at BOOKING_DEPOSIT_PAYEE_PERCENT, and changing the setting
later changes neither the sale nor the refund of an existing order."""

import pytest
from django.test import override_settings

from checkout import refunds, services
from checkout.models import LedgerLine, LedgerTransaction, Payment

from ..booking.conftest import booking_site, hold  # noqa: F401 (fixture)
from .conftest import pay_order

pytestmark = pytest.mark.django_db


def _lines(order, kind):
    entry = LedgerTransaction.objects.get(order=order, kind=kind)
    return {line.account: (line.payee_id, line.amount_xaf) for line in entry.lines.all()}


def _deposit_order(site):
    booking = hold(site)
    return services.create_order(user=booking.client, item_type="booking", item_id=booking.pk)


@override_settings(BOOKING_DEPOSIT_PAYEE_PERCENT=85)
def test_a_booking_deposit_is_split_at_the_booking_payee_percent(booking_site):  # noqa: F811
    order = pay_order(_deposit_order(booking_site))

    assert order.payee_percent == 85
    assert order.amount_xaf == 2000
    assert _lines(order, LedgerTransaction.Kind.SALE) == {
        LedgerLine.Account.PROVIDER_CLEARING: (None, 2000),
        LedgerLine.Account.PAYEE_PAYABLE: (booking_site["awa"].pk, -1700),
        LedgerLine.Account.PLATFORM_REVENUE: (None, -300),
    }


def test_changing_the_setting_after_the_order_changes_neither_sale_nor_refund(
    booking_site,  # noqa: F811
):
    with override_settings(BOOKING_DEPOSIT_PAYEE_PERCENT=85):
        order = _deposit_order(booking_site)

    with override_settings(BOOKING_DEPOSIT_PAYEE_PERCENT=40):
        order = pay_order(order)
        refunds.refund_payment(
            payment=order.payments.get(status=Payment.Status.PAID),
            amount_xaf=1000,
            reason="Geste",
            requested_by=None,
        )

    awa = booking_site["awa"].pk
    assert _lines(order, LedgerTransaction.Kind.SALE)[LedgerLine.Account.PAYEE_PAYABLE] == (
        awa,
        -1700,
    )
    assert _lines(order, LedgerTransaction.Kind.REFUND) == {
        LedgerLine.Account.PROVIDER_CLEARING: (None, -1000),
        LedgerLine.Account.PAYEE_PAYABLE: (awa, 850),
        LedgerLine.Account.PLATFORM_REVENUE: (None, 150),
    }
