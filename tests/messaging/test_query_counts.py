"""The conversation list and the header's unread count cost the same number of SQL
queries at 10 and at 1,000 conversations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from messaging import header_count
from messaging.models import Conversation, Message, Participant


def give_conversations(person, count):
    """`count` conversations with one message each, made in bulk (not through the
    services: the point is the reading side)."""
    now = timezone.now()
    others = User.objects.bulk_create(
        User(email=f"contact{index}-{count}@example.cm", first_name="Contact", last_name=str(index))
        for index in range(count)
    )
    conversations = Conversation.objects.bulk_create(
        Conversation(pair_key=f"{person.pk}:{other.pk}", started_by=other, last_message_at=now)
        for other in others
    )
    Participant.objects.bulk_create(
        seat
        for conversation, other in zip(conversations, others, strict=True)
        for seat in (
            Participant(conversation=conversation, user=person, unread_count=1),
            Participant(conversation=conversation, user=other),
        )
    )
    messages = Message.objects.bulk_create(
        Message(conversation=conversation, sender=other, text=f"Bonjour {index}")
        for index, (conversation, other) in enumerate(zip(conversations, others, strict=True))
    )
    for conversation, message in zip(conversations, messages, strict=True):
        conversation.last_message = message
    Conversation.objects.bulk_update(conversations, ["last_message"])
    # As sending a message does: the header's kept count is forgotten.
    header_count.forget([person.pk])


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.parametrize("path", ["/fr/messages/", "/fr/"])
def test_list_and_header_count_are_constant(client, people, path):
    person = people["student"]
    client.force_login(person)
    give_conversations(person, 10)
    client.get(path)  # first visit: session, site and page caches
    at_10, page = queries(client, path)
    assert "data-unread-count>10</span>" in page.text
    give_conversations(person, 990)
    # The first visit after them delivers the 990 new conversations' messages and refills
    # the caches making them invalidated: a few queries, not one per conversation.
    delivering, _ = queries(client, path)
    at_1000, page = queries(client, path)
    assert "data-unread-count>1000</span>" in page.text
    print(
        f"{path}: {at_10} queries at 10 conversations, {at_1000} at 1,000 "
        f"({delivering} on the visit that delivered them)"
    )
    assert at_1000 == at_10
    assert delivering <= at_10 + 4
    # Seen again (every message already delivered), still the same few queries.
    assert queries(client, path)[0] <= at_10


def test_the_header_count_is_one_query_then_kept(rf, people):
    from django.template import Context, Template

    request = rf.get("/fr/")
    request.user = people["student"]
    template = Template("{% load messaging_tags %}{% unread_message_count %}")
    with CaptureQueriesContext(connection) as captured:
        template.render(Context({"request": request}))
    assert len(captured) == 1
    request = rf.get("/fr/")
    request.user = people["student"]
    with CaptureQueriesContext(connection) as captured:
        template.render(Context({"request": request}))
    assert len(captured) == 0
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    with CaptureQueriesContext(connection) as captured:
        template.render(Context({"request": request}))
    assert len(captured) == 0
