"""The daily renewal run for 10,000 subscriptions due, against the sandbox provider.
Printed (run with ``-s``); asserted only that every one is queued exactly once.

What is measured: ``renew_due_subscriptions`` as beat runs it — settling yesterday's
requests, the lapse scan, the scan for subscriptions due (one query) and the publishing
of one ``request_renewal`` task per subscription on one broker connection (an
in-memory broker here: the task is not run). Then, separately, the per-subscription
request itself (renewal order, payment, sandbox charge, notification) run inline for a
sample, which is what the workers spend once the messages are out.

    .venv/bin/python -m pytest tests/bench/test_subscription_renewals.py -s -q -p no:xdist
"""

import time
from datetime import timedelta

import pytest
from celery import current_app
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from checkout import renewals
from checkout.models import Order, Payment, RenewalAttempt, SandboxCharge, Subscription
from checkout.renewal_tasks import renew_due_subscriptions

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

DUE = 10_000
NOT_DUE = 2_000  # consent on but ending later, or consent off: scanned past
SAMPLE = 200
QUEUE = current_app.conf.task_default_queue


def subscribers(count, *, first):
    now = timezone.now()
    users = User.objects.bulk_create(
        User(email=f"abonnee{n}@bench.bsa", password="!", first_name="Bench", last_name=str(n))
        for n in range(first, first + count)
    )
    orders = Order.objects.bulk_create(
        Order(
            number=f"BSA-BENCH-{user.pk:07d}",
            user=user,
            item_type="subscription",
            item_id="monthly",
            description="Abonnement : Mensuel",
            list_price_xaf=5000,
            amount_xaf=5000,
            status=Order.Status.PAID,
            paid_at=now - timedelta(days=27),
        )
        for user in users
    )
    return users, orders


def subscriptions(users, orders, *, ends_at, consent=True):
    Subscription.objects.bulk_create(
        Subscription(
            user=user,
            plan="monthly",
            order=order,
            starts_at=ends_at - timedelta(days=30),
            ends_at=ends_at,
            renews_automatically=consent,
            renewal_provider=Payment.Provider.SANDBOX if consent else "",
            # Sandbox numbers outside the scripted ones: the phone waits, as a real one would.
            renewal_phone=f"+237677{user.pk:06d}" if consent else "",
            renewal_consent_at=ends_at - timedelta(days=30) if consent else None,
        )
        for user, order in zip(users, orders, strict=True)
    )


@pytest.fixture
def memory_broker():
    """Tasks published for real, to kombu's in-memory transport, instead of run inline."""
    conf = current_app.conf
    saved = conf.task_always_eager, conf.broker_url
    conf.task_always_eager, conf.broker_url = False, "memory://"
    current_app._pool = None
    current_app.amqp._producer_pool = None
    yield
    conf.task_always_eager, conf.broker_url = saved
    current_app._pool = None
    current_app.amqp._producer_pool = None


def queued():
    with current_app.connection_for_write() as broker:
        return broker.default_channel.queue_declare(QUEUE, passive=True).message_count


def test_renewal_run_for_ten_thousand_due_subscriptions(memory_broker):
    now = timezone.now()
    users, orders = subscribers(DUE + NOT_DUE, first=0)
    subscriptions(users[:DUE], orders[:DUE], ends_at=now + timedelta(days=2, hours=12))
    later = DUE + NOT_DUE // 2
    subscriptions(users[DUE:later], orders[DUE:later], ends_at=now + timedelta(days=20))
    subscriptions(users[later:], orders[later:], ends_at=now + timedelta(days=2), consent=False)

    started = time.perf_counter()
    assert len(renewals.due_for_renewal().values_list("pk", flat=True)) == DUE
    scan_seconds = time.perf_counter() - started

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        count = renew_due_subscriptions()
    run_seconds = time.perf_counter() - started

    assert count == DUE
    assert queued() == DUE
    assert not RenewalAttempt.objects.exists()  # only queued: the workers send them

    sample = list(renewals.due_for_renewal().values_list("pk", flat=True)[:SAMPLE])
    started = time.perf_counter()
    for subscription_id in sample:
        renewals.request_renewal(subscription_id=subscription_id)
    per_request_ms = (time.perf_counter() - started) * 1000 / SAMPLE

    assert RenewalAttempt.objects.filter(payment__isnull=False).count() == SAMPLE
    assert SandboxCharge.objects.count() == SAMPLE
    assert renew_due_subscriptions() == DUE - SAMPLE  # the same day: the sample is skipped

    print(
        f"\nRenewal run ({connection.vendor}): {DUE:,} subscriptions due among "
        f"{DUE + NOT_DUE:,} with a subscription"
        f"\n  renew_due_subscriptions (settle + lapse + scan + enqueue {count:,} tasks on "
        f"an in-memory broker): {run_seconds:.2f} s, {len(captured)} SQL queries"
        f"\n  of which the scan for those due alone: {scan_seconds:.2f} s"
        f"\n  one request_renewal run inline against the sandbox (order, payment, "
        f"charge, notification), mean of {SAMPLE}: {per_request_ms:.1f} ms"
        f"\n  so {DUE:,} requests take ~{per_request_ms * DUE / 1000 / 60:.1f} "
        f"worker-minutes, spread over the workers"
    )
