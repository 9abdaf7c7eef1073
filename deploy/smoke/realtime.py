"""The prod-smoke real-time check: a socket opened through nginx (wss://…/ws/) lands on
one ASGI server; a second person's socket is opened on the OTHER ASGI server directly;
her typing frame must come out of the first socket, carried between the two servers
by Redis. Also: a socket without a session is closed with 4401.

Sockets are opened with websockets' asyncio client, never its threaded one
(websockets.sync): that one reads a TLS socket in a thread of its own while the
caller's thread writes the handshake, and Python's ssl objects are not safe for that
(OpenSSL's SSL object is one thread's at a time). About one handshake in 300 through
nginx lost its request: nginx logged "client timed out ... while waiting for request"
after 60 s and the real-time servers had never seen it — the "hung handshake" of
issue 19 was this client, not the servers.

Usage: realtime.py (prod-smoke.sh passes SMOKE_BASE_URL, SMOKE_CA_FILE and
SMOKE_ASGI_SERVERS, and the production environment for the two people it makes)."""

import asyncio
import json
import os
import signal
import ssl
import sys
import time
import uuid
from pathlib import Path

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402
from websockets.exceptions import ConnectionClosed  # noqa: E402

from accounts.models import User  # noqa: E402
from messaging.models import Conversation, Participant  # noqa: E402


def person(first_name):
    return User.objects.create_user(
        email=f"smoke.rt.{uuid.uuid4().hex[:8]}@example.cm",
        password=None,
        first_name=first_name,
        last_name="Smoke",
    )


def cookie(user):
    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


async def next_of(ws, kind, seconds=5):
    async with asyncio.timeout(seconds):
        while True:
            event = json.loads(await ws.recv())
            if event["type"] == kind:
                return event


def print_server_stacks():
    """The real-time servers write their threads' stacks (cms/asgi.py); their logs'
    last lines are printed here, to see where a handshake that got no answer waited."""
    for pid in filter(None, os.environ.get("SMOKE_ASGI_PIDS", "").split(",")):
        os.kill(int(pid), signal.SIGUSR1)
    time.sleep(1)
    for log in filter(None, os.environ.get("SMOKE_ASGI_LOGS", "").split(",")):
        lines = Path(log).read_text(errors="replace").splitlines()
        print(f"--- {log}", *lines[-80:], sep="\n", flush=True)


async def open_socket(url, **kwargs):
    try:
        return await connect(url, open_timeout=10, **kwargs)
    except TimeoutError:
        print_server_stacks()
        sys.exit(f"a handshake with {url} got no answer in 10 s; the servers' stacks are above")


async def check(socket_url, tls, servers, origin, awa, cookies, conversation):
    """The sockets' part; the database work is done before (Django's ORM is not called
    from a running event loop)."""
    started = time.monotonic()
    through_nginx = await open_socket(
        socket_url, ssl=tls, additional_headers={**origin, "Cookie": cookies["Binta"]}
    )
    async with through_nginx:
        reached = through_nginx.response.headers.get("X-App-Server", "")
        others = [server for server in servers if server != reached]
        if reached not in servers or not others:
            sys.exit(f"the socket through nginx reached {reached!r}, not one of {servers}")
        host = f"ws://{others[0]}/ws/live/"
        direct = await open_socket(host, additional_headers={**origin, "Cookie": cookies["Awa"]})
        async with direct:
            await next_of(through_nginx, "presence")
            await direct.send(json.dumps({"type": "typing", "conversation": conversation.pk}))
            event = await next_of(through_nginx, "typing")
    elapsed = (time.monotonic() - started) * 1000
    if event != {"type": "typing", "conversation": conversation.pk, "user": awa.pk, "name": "Awa"}:
        sys.exit(f"unexpected event {event}")
    print(f"ok   socket through nginx on {reached} got typing from {others[0]} ({elapsed:.0f} ms)")

    async with await open_socket(socket_url, ssl=tls, additional_headers=origin) as anonymous:
        try:
            await asyncio.wait_for(anonymous.recv(), 5)
        except ConnectionClosed as closed:
            code = closed.rcvd.code if closed.rcvd else None
        else:
            code = None
    if code != 4401:
        sys.exit(f"a socket without a session was not closed with 4401 (got {code})")
    print("ok   a socket without a session is closed with 4401")


def main():
    base_url = os.environ["SMOKE_BASE_URL"]
    socket_url = base_url.replace("https://", "wss://") + "/ws/live/"
    tls = ssl.create_default_context(cafile=os.environ["SMOKE_CA_FILE"])
    servers = os.environ["SMOKE_ASGI_SERVERS"].split(",")
    origin = {"Origin": base_url}

    awa, binta = person("Awa"), person("Binta")
    conversation = Conversation.objects.create(pair_key=Conversation.pair_key_for(awa.pk, binta.pk))
    for user in (awa, binta):
        Participant.objects.create(conversation=conversation, user=user)
    cookies = {"Awa": cookie(awa), "Binta": cookie(binta)}
    asyncio.run(check(socket_url, tls, servers, origin, awa, cookies, conversation))


if __name__ == "__main__":
    main()
