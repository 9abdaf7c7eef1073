"""Real-time figures on real uvicorn servers sharing Redis (printed, not asserted as
times): the time from a message sent through server 1's HTTP send view to its event
on a socket held by server 2 (p50/p95; goal p95 <= 300 ms on loopback), and how many
idle sockets one ASGI process holds (goal 2,000) with its memory.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379/0 make bench"""

import asyncio
import json
import statistics
import threading
import time

import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils.module_loading import import_string
from websockets.asyncio.client import connect as async_connect
from websockets.sync.client import connect

from accounts.models import MODERATORS_GROUP, User
from core.realtime import publish

from ..conftest import make_person
from ..messaging.realtime_helpers import conversation_between, session_cookie
from ..messaging.realtime_servers import (
    Writer,
    needs_shared_stores,
    start_servers,
    wait_until_offline,
)

pytestmark = [pytest.mark.bench, pytest.mark.django_db(transaction=True)]

SAMPLES = 200
IDLE_SOCKETS = 2000
CONNECTING_AT_ONCE = 100


@pytest.fixture
def servers(request, tmp_path, transactional_db):
    needs_shared_stores()
    running = start_servers(tmp_path, getattr(request, "param", 2))
    yield running
    # Stopped at once, before the database is emptied (transactional_db tears down
    # after this fixture): no server is left writing "last seen" for the sockets.
    for server in running:
        server.kill()


def socket_to(server, cookie):
    return connect(
        server.socket_url,
        additional_headers={"Origin": server.url, "Cookie": cookie},
        open_timeout=10,
    )


def receive(ws, kind):
    while True:
        event = json.loads(ws.recv(timeout=5))
        if event["type"] == kind:
            return event


def test_send_to_display_across_two_servers(servers):
    """A message posted through server 1's HTTP send view (what the conversation page
    does), timed until its event is read from a socket held by server 2."""
    # A moderator may write to anybody: no course or booking needed for the pair.
    mireille = make_person(
        "moderatrice@example.cm", first_name="Mireille", groups=[MODERATORS_GROUP]
    )
    awa = make_person("awa@example.cm", first_name="Awa")
    conversation = conversation_between(mireille, awa)
    writer = Writer(servers[0], mireille)
    arrivals = {}

    def read_messages(ws):
        while len(arrivals) < SAMPLES:
            event = json.loads(ws.recv(timeout=10))
            if event["type"] == "message":
                arrivals[event["id"]] = time.perf_counter()

    sent = {}
    with socket_to(servers[1], session_cookie(awa)) as display:
        display.send(json.dumps({"type": "ping"}))
        receive(display, "pong")  # joined her group by now
        reader = threading.Thread(target=read_messages, args=(display,))
        reader.start()
        for index in range(SAMPLES):
            started = time.perf_counter()
            sent[writer.send(conversation.pk, f"Message {index}")] = started
        reader.join(timeout=30)
    wait_until_offline([awa.pk])

    assert set(arrivals) == set(sent)
    timings = sorted((arrivals[key] - sent[key]) * 1000 for key in sent)
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"\nsend (HTTP POST to server 1) -> display (socket on server 2), {SAMPLES} messages: "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms (goal p95 <= 300 ms)"
    )


def idle_people(count):
    """``count`` people with a session each, made in bulk."""
    password = make_password(None)
    users = User.objects.bulk_create(
        User(email=f"idle{index}@example.cm", first_name="Idle", password=password)
        for index in range(count)
    )
    store_class = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    cookies = []
    for user in users:
        store = store_class()
        store.update(
            {
                "_auth_user_id": str(user.pk),
                "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
                "_auth_user_hash": user.get_session_auth_hash(),
            }
        )
        store.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={store.session_key}")
    return users, cookies


@pytest.mark.parametrize("servers", [1], indirect=True, ids=["one server"])
def test_idle_sockets_one_asgi_process_holds(servers):
    server = servers[0]
    users, cookies = idle_people(IDLE_SOCKETS)
    rss_before = server.rss_kib()
    cpu_before = server.cpu_seconds()

    async def hold():
        opened = []
        limit = asyncio.Semaphore(CONNECTING_AT_ONCE)

        async def open_one(user, cookie):
            async with limit:
                ws = await async_connect(
                    server.socket_url,
                    additional_headers={"Origin": server.url, "Cookie": cookie},
                    open_timeout=30,
                    max_queue=4,
                )
                opened.append((user, ws))

        started = time.perf_counter()
        await asyncio.gather(*(open_one(*pair) for pair in zip(users, cookies, strict=True)))
        elapsed = time.perf_counter() - started
        cpu = server.cpu_seconds() - cpu_before
        await asyncio.sleep(0.5)
        rss_held = server.rss_kib()
        # Still alive: an event for the first person in reaches her socket.
        first, first_ws = opened[0]
        await asyncio.to_thread(publish, [first.pk], {"type": "notifications", "unread": 1})
        answer = json.loads(await asyncio.wait_for(first_ws.recv(), 5))
        open_count = sum(1 for _, ws in opened if ws.state.name == "OPEN")
        await asyncio.gather(*(ws.close() for _, ws in opened))
        return elapsed, cpu, rss_held, answer, open_count

    elapsed, cpu, rss_held, answer, open_count = asyncio.run(hold())
    assert answer == {"type": "notifications", "unread": 1}
    assert open_count == IDLE_SOCKETS
    per_socket = (rss_held - rss_before) / IDLE_SOCKETS
    print(
        f"\nidle sockets held by one uvicorn process: {open_count} (goal 2,000), opened in "
        f"{elapsed:.1f} s (server CPU {cpu:.1f} s); RSS {rss_before / 1024:.0f} MiB -> {rss_held / 1024:.0f} MiB "
        f"({per_socket:.1f} KiB a socket)"
    )
