"""The polling endpoint: new messages as events, an ETag, and an unchanged answer as a
304 with no body, a few hundred bytes at most with its headers."""

import pytest

from messaging import services
from messaging.models import Participant

from .conftest import course_about, start


@pytest.fixture
def chat(people):
    return start(people, people["student"], people["instructor"], course_about(people))


def whole_response_bytes(response):
    """What goes over the wire, roughly: status line, headers and body."""
    status_line = f"HTTP/1.1 {response.status_code} {response.reason_phrase}\r\n".encode()
    return len(status_line + response.serialize_headers() + b"\r\n\r\n" + response.content)


def test_new_messages_arrive_as_events_then_an_unchanged_poll_is_a_tiny_304(client, people, chat):
    message = services.send_text(user=people["student"], conversation=chat, text="Coucou")
    client.force_login(people["instructor"])
    first = client.get(f"/fr/messages/updates/?after=0&conversation={chat.pk}")
    assert first.status_code == 200
    body = first.json()
    assert body["last_id"] == message.pk and body["unread"] == 1
    event = body["events"][0]
    assert {key: event[key] for key in ("type", "conversation", "id", "sender")} == {
        "type": "message",
        "conversation": chat.pk,
        "id": message.pk,
        "sender": people["student"].pk,
    }
    assert event["html"].startswith("<li") and 'data-sender="' in event["html"]
    assert " mine" not in event["html"]  # rendered neutrally: the page decides
    assert {
        "type": "read",
        "conversation": chat.pk,
        "user": people["student"].pk,
        "up_to": message.pk,
    } in body["events"]
    assert Participant.objects.get(user=people["instructor"]).last_delivered_id == message.pk

    url = f"/fr/messages/updates/?after={message.pk}&conversation={chat.pk}"
    settled = client.get(url)
    etag = settled["ETag"]
    unchanged = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    size = whole_response_bytes(unchanged)
    print(f"unchanged poll: {size} bytes with headers:\n{unchanged.serialize_headers().decode()}")
    assert size <= 300

    services.send_text(user=people["student"], conversation=chat, text="Tu es là ?")
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert [e["type"] for e in changed.json()["events"]][0] == "message"


def test_the_read_mark_changes_the_answer_for_the_sender(client, people, chat):
    message = services.send_text(user=people["student"], conversation=chat, text="Coucou")
    client.force_login(people["student"])
    url = f"/fr/messages/updates/?after={message.pk}&conversation={chat.pk}"
    etag = client.get(url)["ETag"]
    services.mark_read(user=people["instructor"], conversation=chat)
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert {
        "type": "read",
        "conversation": chat.pk,
        "user": people["instructor"].pk,
        "up_to": message.pk,
    } in again.json()["events"]


def test_the_endpoint_needs_to_be_signed_in(client, people):
    response = client.get("/fr/messages/updates/?after=0")
    assert response.status_code == 302
