"""Reads for instructor earnings and moderator payouts, straight from the ledger.

The payee's share is what the ledger says it is (`payee_payable` lines), never
recomputed from prices: a sale credits the payee (a negative line), a refund debits it
back (a positive line). Every selector here is one query, however many sales there are."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Max, Q, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from .models import LedgerLine, LedgerTransaction, Payment, Refund

SALE = Q(transaction__kind=LedgerTransaction.Kind.SALE)
REFUND = Q(transaction__kind=LedgerTransaction.Kind.REFUND)
CLEARING = Q(account=LedgerLine.Account.PROVIDER_CLEARING)
PAYABLE = Q(account=LedgerLine.Account.PAYEE_PAYABLE)


def _total(condition):
    return Coalesce(Sum("amount_xaf", filter=condition), Value(0))


@dataclass(frozen=True)
class EarningsLine:
    """One item (a course) in one month: what the payee earned and gave back."""

    month: date
    item_type: str
    item_id: str
    description: str
    orders: int
    earned_xaf: int
    reversed_xaf: int

    @property
    def net_xaf(self):
        return self.earned_xaf - self.reversed_xaf


@dataclass
class EarningsMonth:
    month: date
    lines: list = field(default_factory=list)

    @property
    def earned_xaf(self):
        return sum(line.earned_xaf for line in self.lines)

    @property
    def reversed_xaf(self):
        return sum(line.reversed_xaf for line in self.lines)

    @property
    def net_xaf(self):
        return self.earned_xaf - self.reversed_xaf


def earnings_lines(*, payee):
    """The payee's earnings per (month, item), newest month first. Months are
    calendar months in Africa/Douala, by the date of the sale or refund."""
    tz = timezone.get_default_timezone()
    rows = (
        LedgerLine.objects.filter(PAYABLE, payee=payee)
        .annotate(month=TruncMonth("transaction__created_at", tzinfo=tz))
        .values("month", "transaction__order__item_type", "transaction__order__item_id")
        .annotate(
            earned=-_total(SALE),
            given_back=_total(REFUND),
            orders=Count("transaction__order", distinct=True, filter=SALE),
            description=Max("transaction__order__description"),
        )
        .order_by("-month", "description", "transaction__order__item_id")
    )
    return [
        EarningsLine(
            month=timezone.localtime(row["month"], tz).date(),
            item_type=row["transaction__order__item_type"],
            item_id=row["transaction__order__item_id"],
            description=row["description"],
            orders=row["orders"],
            earned_xaf=row["earned"],
            reversed_xaf=row["given_back"],
        )
        for row in rows
    ]


def earnings_by_month(*, payee):
    """`earnings_lines` grouped into months, for a table per month."""
    months = []
    for line in earnings_lines(payee=payee):
        if not months or months[-1].month != line.month:
            months.append(EarningsMonth(month=line.month))
        months[-1].lines.append(line)
    return months


@dataclass(frozen=True)
class PayoutRow:
    """What one payee is owed for a period. Sales and refunds are what students paid
    and got back; `net_payable_xaf` is the payee's share of them, from the ledger."""

    payee_id: int
    name: str
    email: str
    phone: str
    gross_sales_xaf: int
    refunds_xaf: int
    net_payable_xaf: int
    orders: int


def period_bounds(*, start, end):
    """[start 00:00, the day after end 00:00) in Africa/Douala, as aware datetimes."""
    tz = timezone.get_default_timezone()
    since = timezone.make_aware(datetime.combine(start, time.min), tz)
    until = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz)
    return since, until


def payouts(*, start, end):
    """One row per payee with sales or refunds between start and end (dates, inclusive)."""
    since, until = period_bounds(start=start, end=end)
    payee = "transaction__order__payee"
    rows = (
        LedgerLine.objects.filter(
            transaction__created_at__gte=since,
            transaction__created_at__lt=until,
            transaction__order__payee__isnull=False,
        )
        .values(
            payee,
            first_name=F(f"{payee}__first_name"),
            last_name=F(f"{payee}__last_name"),
            email=F(f"{payee}__email"),
            phone=F(f"{payee}__phone"),
        )
        .annotate(
            gross=_total(CLEARING & SALE),
            refunded=-_total(CLEARING & REFUND),
            net=-_total(PAYABLE),
            orders=Count("transaction__order", distinct=True, filter=SALE),
        )
        .order_by("last_name", "first_name", "email")
    )
    return [
        PayoutRow(
            payee_id=row[payee],
            name=f"{row['first_name']} {row['last_name']}".strip() or row["email"],
            email=row["email"],
            phone=str(row["phone"] or ""),
            gross_sales_xaf=row["gross"],
            refunds_xaf=row["refunded"],
            net_payable_xaf=row["net"],
            orders=row["orders"],
        )
        for row in rows
    ]


@dataclass(frozen=True)
class RevenueRow:
    """One month and provider of a payee's sales: what students paid, what went back
    to them, and the payee's share of both (from the ledger)."""

    month: date
    provider: str
    orders: int
    paid_xaf: int
    refunded_xaf: int
    payee_net_xaf: int

    @property
    def provider_label(self):
        return dict(Payment.Provider.choices).get(self.provider, self.provider)


def revenue_by_month_and_provider(*, payee, item_type, item_ids, since):
    """The payee's sales of these items (all of this type when ``item_ids`` is None)
    since ``since`` (aware), newest month first, by the provider that took the money (a
    refund counts under its payment's provider)."""
    tz = timezone.get_default_timezone()
    provider = Coalesce("transaction__payment__provider", "transaction__refund__provider")
    lines = LedgerLine.objects.filter(
        transaction__order__payee=payee,
        transaction__order__item_type=item_type,
        transaction__created_at__gte=since,
    )
    if item_ids is not None:
        lines = lines.filter(transaction__order__item_id__in=[str(i) for i in item_ids])
    rows = (
        lines.annotate(month=TruncMonth("transaction__created_at", tzinfo=tz), provider=provider)
        .values("month", "provider")
        .annotate(
            paid=_total(CLEARING & SALE),
            refunded=-_total(CLEARING & REFUND),
            net=-_total(PAYABLE),
            orders=Count("transaction__order", distinct=True, filter=SALE),
        )
        .order_by("-month", "provider")
    )
    return [
        RevenueRow(
            month=timezone.localtime(row["month"], tz).date(),
            provider=row["provider"] or "",
            orders=row["orders"],
            paid_xaf=row["paid"],
            refunded_xaf=row["refunded"],
            payee_net_xaf=row["net"],
        )
        for row in rows
    ]


def payout_due(*, payee):
    """What the academy owes the payee: her share of every sale less what refunds took
    back. Payouts are paid by hand from the payouts export and not recorded here."""
    owed = LedgerLine.objects.filter(PAYABLE, payee=payee).aggregate(owed=-_total(Q()))
    return owed["owed"]


@dataclass
class ProviderDay:
    """One provider's payments over a span (the platform statistics' daily rollup)."""

    provider: str
    attempts: int = 0
    paid: int = 0
    failed: int = 0
    paid_xaf: int = 0
    refunds: int = 0
    refunded_xaf: int = 0


def payments_by_provider(*, since, until):
    """Provider → ProviderDay for [since, until) (aware), in three queries: payments
    started then (and how they ended), money taken then, refunds settled then."""
    found = {}

    def row(provider):
        return found.setdefault(provider, ProviderDay(provider))

    started = (
        Payment.objects.filter(created_at__gte=since, created_at__lt=until)
        .values("provider")
        .annotate(
            attempts=Count("pk"),
            paid=Count("pk", filter=Q(status=Payment.Status.PAID)),
            failed=Count(
                "pk", filter=Q(status__in=[Payment.Status.FAILED, Payment.Status.EXPIRED])
            ),
        )
    )
    for line in started:
        day = row(line["provider"])
        day.attempts, day.paid, day.failed = line["attempts"], line["paid"], line["failed"]
    taken = (
        Payment.objects.filter(paid_at__gte=since, paid_at__lt=until, status=Payment.Status.PAID)
        .values("provider")
        .annotate(total=Sum("amount_xaf"))
    )
    for line in taken:
        row(line["provider"]).paid_xaf = line["total"]
    given_back = (
        Refund.objects.filter(
            settled_at__gte=since, settled_at__lt=until, status__in=Refund.SETTLED
        )
        .values("provider")
        .annotate(count=Count("pk"), total=Sum("amount_xaf"))
    )
    for line in given_back:
        day = row(line["provider"])
        day.refunds, day.refunded_xaf = line["count"], line["total"]
    return found


def provider_label(provider):
    """The provider's name in the active language."""
    return str(dict(Payment.Provider.choices).get(provider, provider))
