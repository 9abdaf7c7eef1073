"""Presence: "online" while a socket is open (counted across a person's sockets, with a
time to live), "seen 10 min ago" after the last one closes, nothing when the person
switched it off or across a block; contacts told as it changes."""

import time
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from django.utils import timezone, translation

from messaging import presence
from messaging.models import Block, Conversation, PresenceSetting

from ..conftest import make_person
from .realtime_helpers import (
    conversation_between,
    flush_layer,
    socket,
    sockets_share_the_test_connection,
)
from .test_realtime_consumer import drain

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_layer():
    with sockets_share_the_test_connection():
        flush_layer()
        yield
        flush_layer()


@pytest.fixture
def pair(db):
    awa = make_person("awa@example.cm", first_name="Awa")
    binta = make_person("binta@example.cm", first_name="Binta")
    conversation_between(awa, binta)
    return awa, binta


async def opened(user):
    communicator = await socket(user)
    assert (await communicator.connect())[0]
    return communicator


def test_contacts_are_told_when_the_first_socket_opens_and_the_last_closes(pair):
    awa, binta = pair

    async def scenario():
        binta_socket = await opened(binta)
        first, second = await opened(awa), await opened(awa)
        assert await drain(binta_socket) == [{"type": "presence", "user": awa.pk, "online": True}]
        await first.disconnect()
        assert await drain(binta_socket) == []  # still one socket open
        await second.disconnect()
        assert await drain(binta_socket) == [{"type": "presence", "user": awa.pk, "online": False}]
        await binta_socket.disconnect()

    async_to_sync(scenario)()
    last_seen = PresenceSetting.objects.get(user=awa).last_seen_at
    assert timezone.now() - last_seen < timedelta(seconds=5)


def test_the_label_says_online_then_seen_minutes_ago(pair):
    awa, binta = pair
    translation.activate("en")
    presence.socket_opened(awa.pk)
    assert presence.presence_label(binta, awa) == "online"
    presence.socket_closed(awa.pk)
    PresenceSetting.objects.filter(user=awa).update(
        last_seen_at=timezone.now() - timedelta(minutes=10, seconds=5)
    )
    assert presence.presence_label(binta, awa) == "seen 10 min ago"
    PresenceSetting.objects.filter(user=awa).update(
        last_seen_at=timezone.now() - timedelta(hours=3, minutes=1)
    )
    assert presence.presence_label(binta, awa) == "seen 3 h ago"
    PresenceSetting.objects.filter(user=awa).update(
        last_seen_at=timezone.now() - timedelta(days=2, minutes=1)
    )
    assert presence.presence_label(binta, awa) == "seen 2 days ago"


def test_someone_never_seen_has_no_label(pair):
    awa, binta = pair
    assert presence.presence_label(binta, awa) == ""


def test_online_lapses_without_pings(pair, settings):
    awa, binta = pair
    settings.PRESENCE_TTL_SECONDS = 1
    presence.socket_opened(awa.pk)
    assert presence.is_online(awa.pk)
    time.sleep(1.2)  # the server crashed: no ping, no close
    assert not presence.is_online(awa.pk)
    assert presence.presence_label(binta, awa) == ""


def test_a_ping_keeps_a_person_online(pair, settings):
    awa, _ = pair
    settings.PRESENCE_TTL_SECONDS = 1
    presence.socket_opened(awa.pk)
    time.sleep(0.6)
    presence.socket_pinged(awa.pk)
    time.sleep(0.6)
    assert presence.is_online(awa.pk)


def test_a_ping_after_the_count_lapsed_counts_the_socket_again(pair, settings):
    awa, _ = pair
    settings.PRESENCE_TTL_SECONDS = 1
    presence.socket_opened(awa.pk)
    time.sleep(1.2)
    presence.socket_pinged(awa.pk)
    assert presence.is_online(awa.pk)
    presence.socket_closed(awa.pk)
    assert not presence.is_online(awa.pk)


def test_a_person_who_switched_it_off_shows_nothing_and_is_not_announced(pair):
    awa, binta = pair
    PresenceSetting.objects.create(user=awa, show_online=False)

    async def scenario():
        binta_socket = await opened(binta)
        awa_socket = await opened(awa)
        assert await drain(binta_socket) == []
        await awa_socket.disconnect()
        assert await drain(binta_socket) == []
        await binta_socket.disconnect()

    async_to_sync(scenario)()
    assert presence.presence_label(binta, awa) == ""


def test_nothing_is_shown_or_announced_across_a_block(pair):
    awa, binta = pair
    Block.objects.create(blocker=binta, blocked=awa)
    presence.socket_opened(awa.pk)
    assert presence.contact_ids(awa.pk) == set()
    assert presence.contact_ids(binta.pk) == set()
    assert presence.presence_label(binta, awa) == ""
    assert presence.presence_label(awa, binta) == ""


def test_contacts_are_found_in_one_query(django_assert_num_queries):
    awa = make_person("awa@example.cm")
    for index in range(5):
        other = make_person(f"other{index}@example.cm")
        conversation_between(awa, other)
    with django_assert_num_queries(1):
        assert len(presence.contact_ids(awa.pk)) == 5


def test_labels_for_many_people_cost_two_queries(django_assert_num_queries):
    viewer = make_person("viewer@example.cm")
    people = [make_person(f"p{index}@example.cm") for index in range(6)]
    for person in people[:3]:
        presence.socket_opened(person.pk)
    with django_assert_num_queries(2), translation.override("en"):
        labels = presence.presence_labels(viewer, [person.pk for person in people])
    assert [labels[person.pk] for person in people] == ["online"] * 3 + [""] * 3


# --- The switch page (/fr/messages/presence/).


def test_the_switch_page_needs_a_session(client):
    response = client.get("/fr/messages/presence/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_person_switches_it_off_and_contacts_see_her_go(client, pair):
    awa, binta = pair
    client.force_login(awa)

    async def scenario():
        binta_socket = await opened(binta)
        awa_socket = await opened(awa)
        await drain(binta_socket)
        response = await sync_to_async_post(client, "/fr/messages/presence/", {})
        assert response.status_code == 302
        assert await drain(binta_socket) == [{"type": "presence", "user": awa.pk, "online": False}]
        await awa_socket.disconnect()
        assert await drain(binta_socket) == []
        await binta_socket.disconnect()

    async_to_sync(scenario)()
    assert PresenceSetting.objects.get(user=awa).show_online is False
    page = client.get("/fr/messages/presence/")
    assert page.status_code == 200
    assert 'name="show_online"' in page.content.decode()
    assert "checked" not in page.content.decode().split('name="show_online"')[1].split(">")[0]
    client.post("/fr/messages/presence/", {"show_online": "on"})
    assert PresenceSetting.objects.get(user=awa).show_online is True


async def sync_to_async_post(client, path, data):
    from asgiref.sync import sync_to_async

    return await sync_to_async(client.post)(path, data)


def test_the_conversation_page_says_the_other_person_is_online(client, pair):
    awa, binta = pair
    conversation = Conversation.objects.get(participants__user=awa)
    presence.socket_opened(binta.pk)
    client.force_login(awa)

    page = client.get(f"/fr/messages/{conversation.pk}/").content.decode()
    presence.set_show_online(user=binta, show_online=False)
    switched_off = client.get(f"/fr/messages/{conversation.pk}/").content.decode()

    assert f'data-presence-user="{binta.pk}">en ligne</p>' in page
    assert f'data-presence-user="{binta.pk}" hidden></p>' in switched_off
