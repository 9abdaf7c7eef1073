"""The live socket (/ws/live/) through the real ASGI application: who may open it, what
it carries, and what it does with frames it does not take (an error frame, nothing
published, nothing stored)."""

import importlib
import json

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from django.core.cache import cache

from core.realtime import publish, user_group
from messaging.models import Message, PresenceSetting

from ..conftest import make_person
from .realtime_helpers import (
    conversation_between,
    flush_layer,
    socket,
    sockets_share_the_test_connection,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_layer():
    with sockets_share_the_test_connection():
        flush_layer()
        yield
        flush_layer()


@pytest.fixture
def people(db):
    awa = make_person("awa@example.cm", first_name="Awa", preferred_language="en")
    binta = make_person("binta@example.cm", first_name="Binta")
    carine = make_person("carine@example.cm", first_name="Carine")
    outsider = make_person("dora@example.cm", first_name="Dora")
    return awa, binta, carine, outsider


def run(scenario):
    return async_to_sync(scenario)()


async def opened(user):
    communicator = await socket(user)
    connected, _ = await communicator.connect()
    assert connected
    return communicator


async def drain(communicator):
    """The events waiting on a socket."""
    events = []
    while not await communicator.receive_nothing(timeout=0.1):
        events.append(await communicator.receive_json_from())
    return events


def groups_held():
    layer = get_channel_layer()
    if hasattr(layer, "_get_layer"):  # Redis Pub/Sub: one layer per event loop
        layer = layer._get_layer()
    # The Pub/Sub layer names its Redis channel "<prefix>__group__<group>".
    return {
        name.split("__group__")[-1]: members for name, members in layer.groups.items() if members
    }


def test_a_socket_without_a_session_is_closed_with_4401_and_joins_nothing():
    async def scenario():
        communicator = await socket()
        await communicator.connect()
        closing = await communicator.receive_output()
        assert closing == {"type": "websocket.close", "code": 4401}
        assert groups_held() == {}

    run(scenario)


@pytest.fixture
def site_hosts_only(settings):
    """cms.asgi reads ALLOWED_HOSTS when it is built (the test settings allow any)."""
    import cms.asgi

    settings.ALLOWED_HOSTS = ["testserver"]
    importlib.reload(cms.asgi)
    yield
    settings.ALLOWED_HOSTS = ["*"]
    importlib.reload(cms.asgi)


def test_a_socket_from_another_site_is_refused(people, site_hosts_only):
    async def scenario():
        refused = await socket(people[0], origin=b"https://evil.example")
        assert not (await refused.connect())[0]
        accepted = await socket(people[0], origin=b"http://testserver")
        assert (await accepted.connect())[0]
        await accepted.disconnect()
        assert groups_held() == {}

    run(scenario)


def test_events_published_for_a_person_reach_only_her_sockets(people):
    awa, binta, *_ = people

    async def scenario():
        awa_socket, binta_socket = await opened(awa), await opened(binta)
        await binta_socket.receive_nothing()  # Awa's arrival: they share no conversation
        await sync_to_async(publish)([awa.pk], {"type": "notifications", "unread": 3})
        assert await awa_socket.receive_json_from() == {"type": "notifications", "unread": 3}
        assert await binta_socket.receive_nothing()
        await awa_socket.disconnect()
        await binta_socket.disconnect()

    run(scenario)


def test_typing_reaches_the_other_participants_only_once_in_three_seconds(people):
    awa, binta, carine, outsider = people
    conversation = conversation_between(awa, binta, carine)

    async def scenario():
        sockets = [await opened(person) for person in people]
        for each in sockets:  # presence events of the others' arrivals
            await drain(each)
        awa_socket, binta_socket, carine_socket, outsider_socket = sockets
        frame = {"type": "typing", "conversation": conversation.pk}
        await awa_socket.send_json_to(frame)
        expected = {
            "type": "typing",
            "conversation": conversation.pk,
            "user": awa.pk,
            "name": "Awa",
        }
        assert await binta_socket.receive_json_from() == expected
        assert await carine_socket.receive_json_from() == expected
        await awa_socket.send_json_to(frame)  # within three seconds: not repeated
        assert await binta_socket.receive_nothing(timeout=0.3)
        assert await awa_socket.receive_nothing()
        assert await outsider_socket.receive_nothing()
        for each in sockets:
            await each.disconnect()

    run(scenario)


FORGED = [
    ("not json", "{type: typing", "not_json"),
    ("a list", "[1, 2]", "unknown_type"),
    ("an unknown type", '{"type": "message", "text": "hi"}', "unknown_type"),
    ("no conversation", '{"type": "typing"}', "bad_field"),
    ("a string id", '{"type": "typing", "conversation": "CONVERSATION"}', "bad_field"),
    ("true as an id", '{"type": "typing", "conversation": true}', "bad_field"),
    ("a negative id", '{"type": "typing", "conversation": -1}', "bad_field"),
    ("an id too large", '{"type": "typing", "conversation": 99999999999999999999}', "bad_field"),
    ("an extra field", '{"type": "typing", "conversation": CONVERSATION, "x": 1}', "bad_field"),
    ("a ping with more", '{"type": "ping", "user": 1}', "bad_field"),
    (
        "a conversation she is not in",
        '{"type": "typing", "conversation": OTHER}',
        "not_participant",
    ),
    (
        "a conversation that does not exist",
        '{"type": "typing", "conversation": 987654}',
        "not_participant",
    ),
    (
        "over 2 KB",
        json.dumps({"type": "typing", "conversation": 1, "pad": "x" * 2100}),
        "too_large",
    ),
    ("over 2 KB in bytes", json.dumps({"type": "é" * 1100}, ensure_ascii=False), "too_large"),
]


@pytest.mark.parametrize(("case", "text", "code"), FORGED, ids=[case for case, *_ in FORGED])
def test_a_forged_frame_gets_an_error_frame_and_changes_nothing(people, case, text, code):
    awa, binta, carine, _ = people
    conversation = conversation_between(awa, binta)
    others = conversation_between(binta, carine)
    text = text.replace("CONVERSATION", str(conversation.pk)).replace("OTHER", str(others.pk))
    settings_before = list(PresenceSetting.objects.values())

    async def scenario():
        binta_socket = await opened(binta)
        carine_socket = await opened(carine)
        awa_socket = await opened(awa)
        assert await drain(binta_socket) == [
            {"type": "presence", "user": carine.pk, "online": True},
            {"type": "presence", "user": awa.pk, "online": True},
        ]
        await awa_socket.send_to(text_data=text)
        error = await awa_socket.receive_json_from()
        assert error["type"] == "error"
        assert error["code"] == code
        assert error["message"]  # in Awa's language (English)
        assert await binta_socket.receive_nothing()
        assert await carine_socket.receive_nothing()
        await awa_socket.disconnect()
        await binta_socket.disconnect()
        await carine_socket.disconnect()

    run(scenario)
    assert Message.objects.count() == 0
    assert cache.get(f"typing:{awa.pk}:{conversation.pk}") is None
    assert cache.get(f"typing:{awa.pk}:{others.pk}") is None
    # Only the sockets' own comings and goings were recorded.
    assert {row["user_id"] for row in PresenceSetting.objects.values()} <= {
        awa.pk,
        binta.pk,
        carine.pk,
    }
    assert all(row["show_online"] for row in PresenceSetting.objects.values())
    assert not settings_before


def test_a_binary_frame_gets_an_error_frame(people):
    async def scenario():
        communicator = await opened(people[0])
        await communicator.send_to(bytes_data=b"\x00\x01")
        assert (await communicator.receive_json_from())["code"] == "not_text"
        await communicator.disconnect()

    run(scenario)


def test_the_error_is_in_the_person_language(people):
    awa, binta, *_ = people

    async def scenario():
        english = await opened(awa)
        await english.send_to(text_data='{"type": "dance"}')
        assert (await english.receive_json_from())["message"] == (
            "This kind of frame is not known."
        )
        await english.disconnect()

    run(scenario)


def test_twenty_forged_frames_close_the_socket(people):
    async def scenario():
        communicator = await opened(people[0])
        for _ in range(20):
            await communicator.send_to(text_data="nope")
            assert (await communicator.receive_json_from())["type"] == "error"
        closing = await communicator.receive_output()
        assert closing == {"type": "websocket.close", "code": 4400}
        await communicator.wait()

    run(scenario)


def test_a_ping_is_answered(people):
    async def scenario():
        communicator = await opened(people[0])
        await communicator.send_json_to({"type": "ping"})
        assert await communicator.receive_json_from() == {"type": "pong"}
        await communicator.disconnect()

    run(scenario)


def test_a_closed_socket_leaves_its_group(people):
    async def scenario():
        communicator = await opened(people[0])
        assert user_group(people[0].pk) in groups_held()
        await communicator.disconnect()
        assert user_group(people[0].pk) not in groups_held()

    run(scenario)
