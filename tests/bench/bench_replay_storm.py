"""Replay storm: 1,000 shuffled webhook and poll results for one payment from 20
threads on PostgreSQL must give exactly one paid transition, one enrolment, one set
of ledger lines and one receipt. Also prints webhook handling p50/p95.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test make bench"""

import random
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from checkout import services
from checkout.models import LedgerTransaction, Order, Payment, PaymentEvent
from checkout.providers import base
from enrolment.models import Enrolment

from ..checkout.test_course_purchase import paid_body, sandbox_webhook
from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson

pytestmark = [pytest.mark.bench, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DELIVERIES = 1000
THREADS = 20


@pytest.fixture
def pending_payment(db):
    if connection.vendor != "postgresql":
        pytest.skip("the replay storm needs real row locks: run it on PostgreSQL")
    site = build_site()
    _, instructor = make_instructor("teacher@example.cm", index=site["instructors"])
    course = make_course(site["catalogue"], instructor, price_xaf=5000)
    make_lesson(course, title="Leçon")
    buyer = make_person("storm@example.cm")
    order = services.create_order(user=buyer, item_type="course", item_id=course.pk)
    return services.start_payment(order=order, provider_name="sandbox", phone="670000099")


def test_replay_storm_pays_exactly_once(pending_payment):
    reference = str(pending_payment.reference)
    news = (
        [base.StatusResult(base.PAID, reference, 5000, "XAF")] * (DELIVERIES // 2)
        + [base.StatusResult(base.PENDING, reference)] * (DELIVERIES // 4)
        + [base.Notification(reference, base.PAID, 5000, "XAF")] * (DELIVERIES // 4)
    )
    random.Random(7).shuffle(news)

    def deliver(result):
        try:
            source = (
                PaymentEvent.Source.WEBHOOK
                if isinstance(result, base.Notification)
                else PaymentEvent.Source.POLL
            )
            services.apply_status(payment_id=pending_payment.pk, result=result, source=source)
        finally:
            connection.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        list(pool.map(deliver, news))
    elapsed = time.perf_counter() - started

    print(f"\nreplay storm: {len(news)} results from {THREADS} threads in {elapsed:.2f} s")
    assert Payment.objects.get().status == Payment.Status.PAID
    assert Order.objects.get().status == Order.Status.PAID
    assert LedgerTransaction.objects.filter(kind="sale").count() == 1
    assert Enrolment.objects.count() == 1
    assert len(mail.outbox) == 1
    assert PaymentEvent.objects.filter(source__in=["poll", "webhook"]).count() == DELIVERIES


def test_webhook_latency_for_sequential_deliveries(pending_payment):
    client = Client()
    timings = []
    for _ in range(DELIVERIES):
        started = time.perf_counter()
        response = sandbox_webhook(client, paid_body(pending_payment))
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"\nwebhook handling over {DELIVERIES} deliveries: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    assert LedgerTransaction.objects.filter(kind="sale").count() == 1
