"""The ledger is append-only in the database itself (a PostgreSQL trigger refuses any
UPDATE or DELETE, raw SQL included; SQLite keeps the model's guard), corrections are
reversing transactions, and a nightly check tells the moderators when a transaction
does not balance or a provider's clearing account does not match its payments."""

import pytest
from django.db import IntegrityError, connection, transaction

from checkout import ledger, refunds
from checkout.models import LedgerLine, LedgerTransaction, Payment
from checkout.tasks import check_ledger
from notifications.models import Notification

from ..booking.conftest import skip_unless_postgresql
from .conftest import buy_course

pytestmark = pytest.mark.django_db

REFUSED_SQL = [
    "UPDATE checkout_ledgerline SET amount_xaf = 0",
    "DELETE FROM checkout_ledgerline",
    "UPDATE checkout_ledgertransaction SET kind = 'refund'",
    "DELETE FROM checkout_ledgertransaction",
]


def ledger_rows():
    return sorted(LedgerLine.objects.values_list("pk", "transaction_id", "account", "amount_xaf"))


@pytest.mark.parametrize("sql", REFUSED_SQL)
def test_postgresql_refuses_to_change_or_delete_ledger_rows(sales_site, sql):
    skip_unless_postgresql()
    buy_course(sales_site["nadia"], sales_site["braids"])
    before = ledger_rows()

    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)

    assert ledger_rows() == before
    assert LedgerTransaction.objects.filter(kind="sale").count() == 1


def test_postgresql_refuses_a_queryset_update_too(sales_site):
    skip_unless_postgresql()
    buy_course(sales_site["nadia"], sales_site["braids"])

    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerLine.objects.update(amount_xaf=1)

    assert set(LedgerLine.objects.values_list("amount_xaf", flat=True)) != {1}


def test_the_model_refuses_to_change_or_delete_a_line(sales_site):
    buy_course(sales_site["nadia"], sales_site["braids"])
    line = LedgerLine.objects.first()
    line.amount_xaf = 0

    with pytest.raises(ValueError, match="immutable"):
        line.save()
    with pytest.raises(ValueError, match="immutable"):
        line.delete()


def test_a_refund_still_posts_its_reversing_transaction(sales_site):
    order = buy_course(sales_site["nadia"], sales_site["braids"])

    refunds.refund_payment(
        payment=order.payments.get(), amount_xaf=5000, reason="Annulé", requested_by=None
    )

    assert LedgerTransaction.objects.filter(kind="refund").count() == 1
    assert ledger.balance(account=LedgerLine.Account.PROVIDER_CLEARING) == 0
    assert ledger.unbalanced_transactions() == {}


def test_the_nightly_check_is_quiet_when_everything_matches(sales_site, moderator):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    buy_course(sales_site["john"], sales_site["nails"])
    refunds.refund_payment(
        payment=order.payments.get(), amount_xaf=1200, reason="Geste", requested_by=None
    )

    assert check_ledger() == {"unbalanced": 0, "clearing": 0}
    assert not Notification.objects.filter(kind="ledger_mismatch").exists()


def test_an_unbalanced_transaction_is_reported_to_the_moderators(sales_site, moderator):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    # A line posted by hand, outside ledger._post, that nothing balances.
    broken = LedgerTransaction.objects.create(kind="sale", order=order, payment=None, refund=None)
    LedgerLine.objects.create(
        transaction=broken, account=LedgerLine.Account.PLATFORM_REVENUE, amount_xaf=-300
    )

    assert check_ledger() == {"unbalanced": 1, "clearing": 0}

    notice = Notification.objects.get(kind="ledger_mismatch")
    assert notice.user == moderator
    assert f"{broken.pk}" in notice.body and "300" in notice.body
    assert not Notification.objects.filter(user=sales_site["nadia"]).filter(kind="ledger_mismatch")


def test_a_payment_paid_without_its_sale_is_a_clearing_mismatch(sales_site, moderator):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    # Marked paid behind checkout's back: the provider's money is not in the ledger.
    Payment.objects.create(
        order=order,
        provider="mtn_momo",
        reference="0b7c1c1e-6a55-4a3e-9a55-0c1d2e3f4a5b",
        amount_xaf=5000,
        status=Payment.Status.PAID,
        expires_at=order.created_at,
    )

    assert check_ledger() == {"unbalanced": 0, "clearing": 1}
    notice = Notification.objects.get(kind="ledger_mismatch", user=moderator)
    assert "MTN Mobile Money" in notice.body
