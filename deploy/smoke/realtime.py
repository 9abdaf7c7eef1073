"""The prod-smoke real-time check: a socket opened through nginx (wss://…/ws/) lands on
one ASGI server; a second person's socket is opened on the OTHER ASGI server directly;
her typing frame must come out of the first socket, carried between the two servers
by Redis. Also: a socket without a session is closed with 4401.

Usage: realtime.py (prod-smoke.sh passes SMOKE_BASE_URL, SMOKE_CA_FILE and
SMOKE_ASGI_SERVERS, and the production environment for the two people it makes)."""

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
from websockets.exceptions import ConnectionClosed  # noqa: E402
from websockets.sync.client import connect  # noqa: E402

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


def next_of(ws, kind, seconds=5):
    deadline = time.monotonic() + seconds
    while True:
        event = json.loads(ws.recv(timeout=max(0.01, deadline - time.monotonic())))
        if event["type"] == kind:
            return event


def open_socket(url, **kwargs):
    """websockets' connect, tried again once when the handshake times out, as the pages'
    own script reconnects. A timed-out handshake is a bug being hunted (seen about once
    in a hundred sockets under load): it is said, and the real-time servers are asked to
    write their threads' stacks (cms/asgi.py), printed here."""
    try:
        return connect(url, open_timeout=10, **kwargs)
    except TimeoutError:
        print(f"warn a handshake with {url} timed out after 10 s; their stacks:", flush=True)
    for pid in filter(None, os.environ.get("SMOKE_ASGI_PIDS", "").split(",")):
        os.kill(int(pid), signal.SIGUSR1)
    time.sleep(1)
    for log in filter(None, os.environ.get("SMOKE_ASGI_LOGS", "").split(",")):
        lines = Path(log).read_text(errors="replace").splitlines()
        print(f"--- {log}", *lines[-80:], sep="\n", flush=True)
    return connect(url, open_timeout=30, **kwargs)


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

    started = time.monotonic()
    with open_socket(
        socket_url, ssl=tls, additional_headers={**origin, "Cookie": cookie(binta)}
    ) as through_nginx:
        reached = through_nginx.response.headers.get("X-App-Server", "")
        others = [server for server in servers if server != reached]
        if reached not in servers or not others:
            sys.exit(f"the socket through nginx reached {reached!r}, not one of {servers}")
        host = f"ws://{others[0]}/ws/live/"
        with open_socket(host, additional_headers={**origin, "Cookie": cookie(awa)}) as direct:
            next_of(through_nginx, "presence")
            direct.send(json.dumps({"type": "typing", "conversation": conversation.pk}))
            event = next_of(through_nginx, "typing")
    elapsed = (time.monotonic() - started) * 1000
    if event != {"type": "typing", "conversation": conversation.pk, "user": awa.pk, "name": "Awa"}:
        sys.exit(f"unexpected event {event}")
    print(f"ok   socket through nginx on {reached} got typing from {others[0]} ({elapsed:.0f} ms)")

    with open_socket(socket_url, ssl=tls, additional_headers=origin) as anonymous:
        try:
            anonymous.recv(timeout=5)
        except ConnectionClosed as closed:
            code = closed.rcvd.code if closed.rcvd else None
        else:
            code = None
    if code != 4401:
        sys.exit(f"a socket without a session was not closed with 4401 (got {code})")
    print("ok   a socket without a session is closed with 4401")


if __name__ == "__main__":
    main()
