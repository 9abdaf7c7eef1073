"""Join-link time, our side (issue 17): a registered person taps "Join" and our server
checks the registration and the time window, asks the room backend (the sandbox here:
the video service's own time is not ours) and answers with a link made for that person.
200 joins through the join view by the host and 20 attendees of a full class; prints
p50, p95 and the queries per join (one more for an attendee than for the host: the
registration). Timings are printed, never asserted.

    .venv/bin/python -m pytest tests/bench/bench_live_join.py -s -q -n 0
"""

import statistics
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from live import registration

from ..live.conftest import enrolled_student, live_site, make_session, soon, start_now
from ..live.conftest import people as live_people

pytestmark = [pytest.mark.bench]

JOINS = 200
PLACES = 20
people = live_people
__all__ = ["live_site", "people"]


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_join_link_time_p95(people):
    session = make_session(people, "class", capacity=PLACES, starts_at=soon(hours=2))
    attendees = [
        enrolled_student(people, f"join{n}@example.cm", first_name=f"Élève{n}")
        for n in range(PLACES)
    ]
    for person in attendees:
        registration.register(user=person, session=session)
    start_now(session, minutes_ago=-5)  # the room is open: "Join" shows
    clients = [_client(people["teacher"])] + [_client(person) for person in attendees]
    url = f"/fr/live/{session.pk}/join/"
    for client in clients:  # sessions loaded, room made: as on a class already going
        assert client.get(url).status_code == 302

    timings, queries = [], []
    for n in range(JOINS):
        client = clients[n % len(clients)]
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 302 and "/live/room/" in response["Location"]
        queries.append(len(captured))

    timings.sort()
    p50, p95 = statistics.median(timings), timings[int(JOINS * 0.95) - 1]
    print(
        f"\njoin link, our side (sandbox rooms): {JOINS} joins by {len(clients)} people: "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms; "
        f"{min(queries)}–{max(queries)} queries per join"
    )
