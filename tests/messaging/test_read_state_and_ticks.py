"""Read state per participant: unread counts in the header and the list, ticks sent ✓,
delivered ✓✓ (the recipient's phone fetched it) and read (blue ✓✓)."""

import re

import pytest

from messaging import services
from messaging.models import Participant

from .conftest import course_about, start


@pytest.fixture
def chat(people):
    return start(people, people["student"], people["instructor"], course_about(people))


def state_of(page_html, message_id):
    match = re.search(rf'id="m{message_id}"[^>]*data-state="(\w+)"', page_html)
    return match.group(1) if match else None


def seat(conversation, person):
    return Participant.objects.get(conversation=conversation, user=person)


def test_ticks_go_from_sent_to_delivered_to_read(client, people, chat):
    first = services.send_text(user=people["student"], conversation=chat, text="Bonjour")
    client.force_login(people["student"])
    assert state_of(client.get(f"/fr/messages/{chat.pk}/").text, first.pk) == "sent"

    # The instructor's phone polls: the message reached her.
    client.force_login(people["instructor"])
    client.get("/fr/messages/updates/?after=0")
    assert seat(chat, people["instructor"]).last_delivered_id == first.pk
    client.force_login(people["student"])
    assert state_of(client.get(f"/fr/messages/{chat.pk}/").text, first.pk) == "delivered"

    # She opens the conversation: read.
    client.force_login(people["instructor"])
    client.get(f"/fr/messages/{chat.pk}/")
    client.force_login(people["student"])
    page = client.get(f"/fr/messages/{chat.pk}/").text
    assert state_of(page, first.pk) == "read"


def test_only_the_sender_sees_ticks_on_her_messages(client, people, chat):
    message = services.send_text(user=people["student"], conversation=chat, text="Bonjour")
    client.force_login(people["instructor"])
    page = client.get(f"/fr/messages/{chat.pk}/").text
    assert state_of(page, message.pk) is None
    assert f'class="msg" id="m{message.pk}"' in page  # no "mine" for the reader


def test_unread_counts_follow_messages_and_reading(client, people, chat):
    for text in ("un", "deux", "trois"):
        services.send_text(user=people["student"], conversation=chat, text=text)
    assert seat(chat, people["instructor"]).unread_count == 3
    assert seat(chat, people["student"]).unread_count == 0

    client.force_login(people["instructor"])
    header = client.get("/fr/messages/")
    assert "data-unread-count>3</span>" in header.text

    last = chat.messages.order_by("-pk")[1]
    response = client.post(f"/fr/messages/{chat.pk}/read/", {"up_to": last.pk})
    assert response.json() == {"read": last.pk, "unread": 1}
    client.get(f"/fr/messages/{chat.pk}/")
    assert seat(chat, people["instructor"]).unread_count == 0
    assert "data-unread-count hidden>0</span>" in client.get("/fr/messages/").text


def test_the_kept_header_count_follows_each_new_message_at_once(client, people, chat):
    """The header's count is kept in the cache between pages (messaging/header_count.py):
    a message sent after a page was drawn shows on the next one, for each person."""
    services.send_text(user=people["student"], conversation=chat, text="un")
    client.force_login(people["instructor"])
    assert "data-unread-count>1</span>" in client.get("/fr/").text
    assert "data-unread-count>1</span>" in client.get("/fr/").text

    services.send_text(user=people["student"], conversation=chat, text="deux")
    assert "data-unread-count>2</span>" in client.get("/fr/").text
    client.force_login(people["student"])
    assert "data-unread-count hidden>0</span>" in client.get("/fr/").text

    # Her answer reads what came before: the instructor's own count drops to 0.
    services.send_text(user=people["instructor"], conversation=chat, text="Bonjour")
    client.force_login(people["instructor"])
    assert "data-unread-count hidden>0</span>" in client.get("/fr/").text
    client.force_login(people["student"])
    assert "data-unread-count>1</span>" in client.get("/fr/").text


def test_answering_marks_what_came_before_as_read(people, chat):
    services.send_text(user=people["student"], conversation=chat, text="Question")
    answer = services.send_text(user=people["instructor"], conversation=chat, text="Réponse")
    mine = seat(chat, people["instructor"])
    assert mine.unread_count == 0 and mine.last_read_id == answer.pk


def test_read_marks_never_go_back(client, people, chat):
    services.send_text(user=people["student"], conversation=chat, text="un")
    newest = services.send_text(user=people["student"], conversation=chat, text="deux")
    client.force_login(people["instructor"])
    client.post(f"/fr/messages/{chat.pk}/read/", {"up_to": newest.pk})
    client.post(f"/fr/messages/{chat.pk}/read/", {"up_to": 1})
    client.post(f"/fr/messages/{chat.pk}/read/", {"up_to": "999999999999"})
    assert seat(chat, people["instructor"]).last_read_id == newest.pk


def test_opening_the_list_delivers_every_conversation(client, people, chat):
    message = services.send_text(user=people["student"], conversation=chat, text="Bonjour")
    client.force_login(people["instructor"])
    page = client.get("/fr/messages/")
    assert "Bonjour" in page.text and "Linda Ewane" in page.text
    assert seat(chat, people["instructor"]).last_delivered_id == message.pk
    assert seat(chat, people["instructor"]).last_read_id == 0


def test_the_header_shows_no_count_to_visitors(client, people):
    assert "data-unread-count" not in client.get("/fr/").text
