"""The reconciliation import of an operator statement: 10,000 lines, of which 1,000
confirm claims waiting (each through the exactly-once paid path), 10 differ in amount
and the rest were claimed by nobody. Prints the time (goal: under 20 s).

    .venv/bin/python -m pytest tests/bench/bench_statement_import.py -s -q -p no:xdist
"""

import time
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from checkout import manual_codes
from checkout.models import ManualPayment, Order, Payment

from ..checkout.conftest import manual_codes_on, recording_fulfiller  # noqa: F401
from ..conftest import make_person

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

LINES = 10_000
CLAIMS = 1_000
MISMATCHES = 10
GOAL_SECONDS = 20


def claims_waiting(count):
    """`count` orders of 5,000 FCFA, each with a claimed code, made in bulk."""
    now = timezone.now()
    buyer = make_person("bench.buyer@example.cm", is_student=True)
    orders = Order.objects.bulk_create(
        Order(
            user=buyer,
            item_type="test-item",
            item_id=str(n),
            description=f"Bench item {n}",
            list_price_xaf=5000,
            amount_xaf=5000,
            expires_at=now + timedelta(hours=1),
        )
        for n in range(count)
    )
    payments = Payment.objects.bulk_create(
        Payment(
            order=order,
            provider="manual",
            reference=uuid.uuid4(),
            provider_reference=f"B{n:05d}",
            amount_xaf=5000,
            expires_at=now + timedelta(hours=24),
        )
        for n, order in enumerate(orders)
    )
    ManualPayment.objects.bulk_create(
        ManualPayment(
            payment=payment,
            order=payment.order,
            code=f"B{n:05d}",
            expires_at=payment.expires_at,
            state=ManualPayment.State.CLAIMED,
            transaction_id=f"MP{n:010d}",
            claimed_at=now,
        )
        for n, payment in enumerate(payments)
    )


def statement():
    rows = ["Date;Référence;Montant;Expéditeur"]
    for n in range(LINES):
        amount = 4000 if CLAIMS - MISMATCHES <= n < CLAIMS else 5000
        rows.append(f"01/12/2026;MP{n:010d};{amount};6770{n:05d}")
    return "\n".join(rows).encode()


def test_a_ten_thousand_line_statement_imports_in_seconds(
    recording_fulfiller,  # noqa: F811
    manual_codes_on,  # noqa: F811
    moderator,
):
    claims_waiting(CLAIMS)
    data = statement()

    started = time.perf_counter()
    report = manual_codes.import_statement(data=data, by=moderator)
    seconds = time.perf_counter() - started

    print(
        f"\nStatement import: {LINES:,} lines in {seconds:.2f} s "
        f"({len(report.matched)} confirmed, {len(report.unmatched)} unmatched, "
        f"{len(report.amount_mismatch)} amount mismatches)"
    )
    assert len(report.matched) == CLAIMS - MISMATCHES
    assert len(report.amount_mismatch) == MISMATCHES
    assert len(report.unmatched) == LINES - CLAIMS
    assert len(recording_fulfiller.paid) == CLAIMS - MISMATCHES
    assert seconds < GOAL_SECONDS
