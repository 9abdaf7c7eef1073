"""Double-entry bookkeeping: every transaction's lines sum to zero.

Sale:   provider clearing +amount, payee payable −share, platform revenue −rest.
Refund: the same accounts in reverse, pro rata of the refunded amount.
The payee's share is the order's payee_percent, fixed when the order was made."""

from django.db import transaction
from django.db.models import Sum

from .models import LedgerLine, LedgerTransaction, Payment, Refund
from .money import percent_of


def _post(*, kind, order, payment, refund=None, lines):
    if sum(amount for _account, _payee, amount in lines) != 0:
        raise ValueError("A ledger transaction must balance to zero.")
    entry = LedgerTransaction.objects.create(kind=kind, order=order, payment=payment, refund=refund)
    LedgerLine.objects.bulk_create(
        LedgerLine(transaction=entry, account=account, payee=payee, amount_xaf=amount)
        for account, payee, amount in lines
        if amount
    )
    return entry


def _split(order, amount):
    """(payee share, platform share) at the percentage fixed on the order."""
    payee_share = percent_of(amount, order.payee_percent) if order.payee_id else 0
    return payee_share, amount - payee_share


@transaction.atomic
def post_sale(*, order, payment):
    payee_share, platform_share = _split(order, payment.amount_xaf)
    return _post(
        kind=LedgerTransaction.Kind.SALE,
        order=order,
        payment=payment,
        lines=[
            (LedgerLine.Account.PROVIDER_CLEARING, None, payment.amount_xaf),
            (LedgerLine.Account.PAYEE_PAYABLE, order.payee, -payee_share),
            (LedgerLine.Account.PLATFORM_REVENUE, None, -platform_share),
        ],
    )


@transaction.atomic
def post_refund(*, order, payment, refund):
    payee_share, platform_share = _split(order, refund.amount_xaf)
    return _post(
        kind=LedgerTransaction.Kind.REFUND,
        order=order,
        payment=payment,
        refund=refund,
        lines=[
            (LedgerLine.Account.PROVIDER_CLEARING, None, -refund.amount_xaf),
            (LedgerLine.Account.PAYEE_PAYABLE, order.payee, payee_share),
            (LedgerLine.Account.PLATFORM_REVENUE, None, platform_share),
        ],
    )


def balance(*, account, payee=None):
    lines = LedgerLine.objects.filter(account=account)
    if payee is not None:
        lines = lines.filter(payee=payee)
    return lines.aggregate(total=Sum("amount_xaf"))["total"] or 0


def unbalanced_transactions():
    """{transaction id: what its lines sum to} for every transaction not summing to 0."""
    return dict(
        LedgerLine.objects.values("transaction")
        .annotate(total=Sum("amount_xaf"))
        .exclude(total=0)
        .values_list("transaction", "total")
    )


def clearing_mismatches():
    """{provider: (clearing balance, paid minus settled refunds)} where the two differ:
    the money the ledger says a provider holds is not what its payments brought in."""
    clearing = dict(
        LedgerLine.objects.filter(account=LedgerLine.Account.PROVIDER_CLEARING)
        .values("transaction__payment__provider")
        .annotate(total=Sum("amount_xaf"))
        .values_list("transaction__payment__provider", "total")
    )
    paid = dict(
        Payment.objects.filter(status=Payment.Status.PAID)
        .values("provider")
        .annotate(total=Sum("amount_xaf"))
        .values_list("provider", "total")
    )
    refunded = dict(
        Refund.objects.filter(status__in=Refund.SETTLED)
        .values("provider")
        .annotate(total=Sum("amount_xaf"))
        .values_list("provider", "total")
    )
    mismatches = {}
    for provider in set(clearing) | set(paid) | set(refunded):
        expected = paid.get(provider, 0) - refunded.get(provider, 0)
        if clearing.get(provider, 0) != expected:
            mismatches[provider] = (clearing.get(provider, 0), expected)
    return mismatches
