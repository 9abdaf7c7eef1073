"""Two real uvicorn servers on Redis: a message posted through server 1's HTTP send view
arrives on a socket held by server 2, so do an event published from another process
and a typing frame sent to server 1; a socket without a session is refused. Runs in
the PostgreSQL + Redis pass."""

import json
import time

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from accounts.models import MODERATORS_GROUP
from core.realtime import publish
from messaging.models import Message

from ..conftest import make_person
from .realtime_helpers import conversation_between, session_cookie
from .realtime_servers import Writer, needs_shared_stores, start_servers, wait_until_offline

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        needs_shared_stores()
        running = start_servers(tmp_path_factory.mktemp("asgi"), 2)
    yield running
    for server in running:
        server.stop()


def live_socket(server, user=None):
    headers = {"Origin": server.url}
    if user is not None:
        headers["Cookie"] = session_cookie(user)
    return connect(server.socket_url, additional_headers=headers, open_timeout=10)


def next_event(ws, *, skip=("presence",), timeout=5):
    """The next event, past the comings and goings of the others."""
    deadline = time.monotonic() + timeout
    while True:
        event = json.loads(ws.recv(timeout=max(0.01, deadline - time.monotonic())))
        if event["type"] not in skip:
            return event


def test_a_message_sent_through_server_one_arrives_on_a_socket_on_server_two(servers):
    # A moderator may write to anybody: no course or booking needed for the pair.
    mireille = make_person(
        "moderatrice@example.cm", first_name="Mireille", groups=[MODERATORS_GROUP]
    )
    awa = make_person("awa@example.cm", first_name="Awa")
    conversation = conversation_between(mireille, awa)
    with live_socket(servers[1], awa) as ws:
        ws.send(json.dumps({"type": "ping"}))
        assert next_event(ws) == {"type": "pong"}
        message_id = Writer(servers[0], mireille).send(conversation.pk, "Bonjour Awa, à demain")
        event = next_event(ws, skip=("presence", "notifications"))
    assert event["type"] == "message"
    assert event["id"] == message_id
    assert event["conversation"] == conversation.pk
    assert event["sender"] == mireille.pk
    assert "Bonjour Awa, à demain" in event["html"]
    assert Message.objects.get(pk=message_id).text == "Bonjour Awa, à demain"
    wait_until_offline([awa.pk])


def test_an_event_published_elsewhere_reaches_a_socket_on_server_two(servers):
    awa = make_person("awa@example.cm", first_name="Awa")
    with live_socket(servers[1], awa) as ws:
        ws.send(json.dumps({"type": "ping"}))
        assert next_event(ws) == {"type": "pong"}  # joined its group by now
        publish([awa.pk], {"type": "notifications", "unread": 2})
        assert next_event(ws) == {"type": "notifications", "unread": 2}
    wait_until_offline([awa.pk])


def test_typing_on_server_one_reaches_the_other_person_on_server_two(servers):
    awa = make_person("awa@example.cm", first_name="Awa")
    binta = make_person("binta@example.cm", first_name="Binta")
    conversation = conversation_between(awa, binta)
    with live_socket(servers[1], binta) as binta_ws, live_socket(servers[0], awa) as awa_ws:
        assert next_event(binta_ws, skip=()) == {
            "type": "presence",
            "user": awa.pk,
            "online": True,
        }
        awa_ws.send(json.dumps({"type": "typing", "conversation": conversation.pk}))
        assert next_event(binta_ws) == {
            "type": "typing",
            "conversation": conversation.pk,
            "user": awa.pk,
            "name": "Awa",
        }
    wait_until_offline([awa.pk, binta.pk])


def test_a_socket_without_a_session_is_refused(servers):
    with live_socket(servers[0]) as ws, pytest.raises(ConnectionClosed) as closed:
        ws.recv(timeout=5)
    assert closed.value.rcvd.code == 4401
