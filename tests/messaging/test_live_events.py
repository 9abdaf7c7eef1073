"""After the commit, each new message and read mark goes to the people's sockets
through core.realtime, in exactly the shapes the sockets' page script reads."""

import pytest
from asgiref.sync import async_to_sync
from channels.layers import channel_layers, get_channel_layer

from core.realtime import user_group
from messaging import services

from .conftest import course_about, start

IN_MEMORY = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


@pytest.fixture
def layer(settings):
    settings.CHANNEL_LAYERS = IN_MEMORY
    channel_layers.backends.clear()
    yield get_channel_layer()
    channel_layers.backends.clear()


def listen(layer, user):
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(user_group(user.pk), channel)
    return channel


def received(layer, channel, count):
    return [async_to_sync(layer.receive)(channel)["event"] for _ in range(count)]


def test_a_new_message_reaches_both_people_in_their_language(
    people, layer, django_capture_on_commit_callbacks
):
    chat = start(people, people["student"], people["instructor"], course_about(people))
    type(people["instructor"]).objects.filter(pk=people["instructor"].pk).update(
        preferred_language="en"
    )
    student, instructor = listen(layer, people["student"]), listen(layer, people["instructor"])
    with django_capture_on_commit_callbacks(execute=True):
        message = services.send_text(user=people["student"], conversation=chat, text="Bonjour")
    for channel in (student, instructor):
        (event,) = received(layer, channel, 1)
        assert set(event) == {"type", "conversation", "id", "sender", "html"}
        assert (event["type"], event["conversation"], event["id"], event["sender"]) == (
            "message",
            chat.pk,
            message.pk,
            people["student"].pk,
        )
        assert event["html"].startswith(f'<li class="msg" id="m{message.pk}"')
        assert f'data-sender="{people["student"].pk}"' in event["html"]
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_read(user=people["instructor"], conversation=chat)
    (event,) = received(layer, student, 1)
    assert event == {
        "type": "read",
        "conversation": chat.pk,
        "user": people["instructor"].pk,
        "up_to": message.pk,
    }


def test_polling_delivers_and_the_sender_hears_delivered(
    client, people, layer, django_capture_on_commit_callbacks
):
    chat = start(people, people["student"], people["instructor"], course_about(people))
    with django_capture_on_commit_callbacks(execute=True):
        message = services.send_text(user=people["student"], conversation=chat, text="Bonjour")
    student = listen(layer, people["student"])
    client.force_login(people["instructor"])
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/fr/messages/updates/?after=0")
    (event,) = received(layer, student, 1)
    assert event == {
        "type": "delivered",
        "conversation": chat.pk,
        "user": people["instructor"].pk,
        "up_to": message.pk,
    }


def test_a_hidden_message_is_sent_again_hidden(people, layer, django_capture_on_commit_callbacks):
    chat = start(people, people["student"], people["instructor"], course_about(people))
    message = services.send_text(user=people["instructor"], conversation=chat, text="Pub")
    report = services.report(user=people["student"], message=message)
    student = listen(layer, people["student"])
    with django_capture_on_commit_callbacks(execute=True):
        services.hide(moderator=people["moderator"], report=report)
    (event,) = received(layer, student, 1)
    assert event["id"] == message.pk
    assert "Message masqué par la modération" in event["html"] and "Pub" not in event["html"]
