"""The notification centre's figures: bytes of an unchanged poll on the wire, SQL
queries of the bell and the count endpoint at 10 and 1,000 notifications, and the time
notify() takes. Printed (run with ``-s``); only the query counts are asserted constant.

    .venv/bin/python -m pytest tests/bench/bench_notifications.py -s -q
"""

import http.client
import statistics
import time
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from notifications.models import Notification
from notifications.services import Message, notify

from ..conftest import make_person

pytestmark = [pytest.mark.bench, pytest.mark.django_db(transaction=True)]

POLL_GOAL_BYTES = 300
RUNS = 20


def told(user, count):
    Notification.objects.bulk_create(
        Notification(user=user, kind="payment_received", title=f"Paiement {n}", url="/fr/")
        for n in range(count)
    )


def queries(client, path):
    client.get(path)  # warm
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


def raw_poll(live_server, session_cookie, etag):
    """One poll as a phone sends it; the bytes received, status line and headers
    included."""
    address = urlsplit(live_server.url)
    wire = http.client.HTTPConnection(address.hostname, address.port, timeout=5)
    wire.request(
        "GET",
        "/fr/notifications/count/",
        headers={
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={session_cookie}",
            "If-None-Match": etag,
        },
    )
    response = wire.getresponse()
    body = response.read()
    head = f"HTTP/1.1 {response.status} {response.reason}\r\n" + "".join(
        f"{name}: {value}\r\n" for name, value in response.getheaders()
    )
    wire.close()
    return response.status, len(head.encode()) + 2 + len(body), response.getheaders()


def test_notification_centre_figures(live_server):
    awa = make_person("awa@example.cm", phone="+237677001122")
    client = Client()
    client.force_login(awa)
    rows = []
    for count in (10, 1000):
        Notification.objects.all().delete()
        told(awa, count)
        rows.append(
            (
                count,
                queries(client, "/fr/account/"),
                queries(client, "/fr/notifications/"),
                queries(client, "/fr/notifications/count/"),
            )
        )

    etag = client.get("/fr/notifications/count/")["ETag"]
    status, size, headers = raw_poll(
        live_server, client.cookies[settings.SESSION_COOKIE_NAME].value, etag
    )

    started = time.perf_counter()
    timings = []
    for number in range(RUNS):
        begin = time.perf_counter()
        notify(
            awa,
            "payment_received",
            message=Message(subject=f"Reçu {number}", text="Bonjour,\n\nMerci.", sms="Merci."),
        )
        timings.append((time.perf_counter() - begin) * 1000)
    total = time.perf_counter() - started

    print()
    print("Notification centre: SQL queries per request")
    print(f"{'notifications':>14} {'account page':>13} {'centre list':>12} {'count poll':>11}")
    for count, account, centre, poll in rows:
        print(f"{count:>14} {account:>13} {centre:>12} {poll:>11}")
    print(f"Unchanged poll: HTTP {status}, {size} bytes received (goal ≤ {POLL_GOAL_BYTES})")
    print("  " + "; ".join(f"{name}: {value}" for name, value in headers))
    print(
        f"notify() with site, e-mail and SMS: median {statistics.median(timings):.1f} ms, "
        f"max {max(timings):.1f} ms ({RUNS} in {total:.2f} s)"
    )

    assert rows[0][1:] == rows[1][1:]
    assert status == 304
