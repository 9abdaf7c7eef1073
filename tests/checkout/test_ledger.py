"""The ledger's invariants hold after sales, full and partial refunds, and failures."""

import pytest
from django.db.models import Sum

from checkout import ledger, refunds
from checkout.errors import RefundError, RefundRefused
from checkout.models import Coupon, LedgerLine, LedgerTransaction, Payment, Refund
from checkout.providers.sandbox import SandboxProvider

from .conftest import buy_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_ledger(sales_site, monkeypatch):
    """Four sales (one with a coupon), a full refund, two partial refunds on one order,
    a refund the provider refused and one refused for being too large."""
    Coupon.objects.create(code="NOEL", kind=Coupon.Kind.FIXED, value=1001)
    nadia, john = sales_site["nadia"], sales_site["john"]
    full = buy_course(nadia, sales_site["braids"])
    partial = buy_course(john, sales_site["braids"], coupon_code="noel")
    kept = buy_course(nadia, sales_site["nails"])
    failed = buy_course(john, sales_site["nails"])

    refunds.refund_payment(
        payment=full.payments.get(), amount_xaf=5000, reason="Annulé", requested_by=None
    )
    for amount in (1333, 7):
        refunds.refund_payment(
            payment=partial.payments.get(), amount_xaf=amount, reason="Geste", requested_by=None
        )
    with pytest.raises(RefundError):
        refunds.refund_payment(
            payment=kept.payments.get(), amount_xaf=8001, reason="Trop", requested_by=None
        )

    def provider_refuses(self, payment, amount_xaf, *, reference):
        raise RefundRefused("Non.")

    with monkeypatch.context() as patched:
        patched.setattr(SandboxProvider, "refund", provider_refuses)
        with pytest.raises(RefundError):
            # A moderator hears the refusal at once: the refund fails, nothing is posted.
            refunds.refund_payment(
                payment=failed.payments.get(), amount_xaf=100, reason="x", requested_by=john
            )
    return {"full": full, "partial": partial, "kept": kept, "failed": failed}


def test_every_transaction_balances_to_zero(busy_ledger):
    sums = dict(
        LedgerLine.objects.values("transaction")
        .annotate(total=Sum("amount_xaf"))
        .values_list("transaction", "total")
    )

    assert LedgerTransaction.objects.filter(kind="sale").count() == 4
    assert LedgerTransaction.objects.filter(kind="refund").count() == 3
    assert set(sums) == set(LedgerTransaction.objects.values_list("pk", flat=True))
    assert set(sums.values()) == {0}


def test_provider_clearing_is_what_was_paid_minus_what_was_refunded(busy_ledger):
    paid = Payment.objects.filter(status=Payment.Status.PAID).aggregate(total=Sum("amount_xaf"))
    refunded = Refund.objects.filter(status=Refund.Status.DONE).aggregate(total=Sum("amount_xaf"))

    clearing = ledger.balance(account=LedgerLine.Account.PROVIDER_CLEARING)

    assert paid["total"] == 5000 + 3999 + 8000 + 8000
    assert refunded["total"] == 5000 + 1333 + 7
    assert clearing == paid["total"] - refunded["total"]
    assert Refund.objects.filter(status=Refund.Status.FAILED).count() == 1


def test_payee_and_platform_shares_follow_the_refunds(sales_site, busy_ledger):
    awa = ledger.balance(account=LedgerLine.Account.PAYEE_PAYABLE, payee=sales_site["awa"])
    grace = ledger.balance(account=LedgerLine.Account.PAYEE_PAYABLE, payee=sales_site["grace"])
    platform = ledger.balance(account=LedgerLine.Account.PLATFORM_REVENUE)

    # Awa: 3 500 − 3 500, then 2 799 − 933 − 4 (70 % of 3 999, 1 333 and 7, rounded down).
    assert awa == -(2799 - 933 - 4)
    assert grace == -(5600 + 5600)
    assert (
        awa + grace + platform + ledger.balance(account=LedgerLine.Account.PROVIDER_CLEARING) == 0
    )


def test_ledger_lines_cannot_be_changed_or_deleted(busy_ledger):
    line = LedgerLine.objects.first()
    amount = line.amount_xaf

    line.amount_xaf = amount + 1
    with pytest.raises(ValueError):
        line.save()
    with pytest.raises(ValueError):
        line.delete()

    line.refresh_from_db()
    assert line.amount_xaf == amount


def test_an_unbalanced_transaction_is_refused(sales_site):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    before = LedgerTransaction.objects.count()

    with pytest.raises(ValueError):
        ledger._post(
            kind=LedgerTransaction.Kind.SALE,
            order=order,
            payment=None,
            lines=[(LedgerLine.Account.PROVIDER_CLEARING, None, 10)],
        )

    assert LedgerTransaction.objects.count() == before
