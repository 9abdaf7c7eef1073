"""Sending: with and without JavaScript, once per client key, within the per-person
rate limit and the first-day limits of new accounts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from messaging.models import Conversation, Message

from .conftest import course_about, photo_upload, shows, start


@pytest.fixture
def chat(people):
    return start(people, people["student"], people["instructor"], course_about(people))


def send(client, conversation, data, **headers):
    return client.post(f"/fr/messages/{conversation.pk}/send/", data, **headers)


def test_without_javascript_the_form_posts_and_redirects_to_the_message(client, people, chat):
    client.force_login(people["student"])
    response = send(client, chat, {"text": "Quelle crème avant les tresses ?"})
    message = Message.objects.get()
    assert response["Location"] == f"/fr/messages/{chat.pk}/#m{message.pk}"
    page = client.get(f"/fr/messages/{chat.pk}/")
    assert "Quelle crème avant les tresses ?" in page.text
    assert f'data-sender="{people["student"].pk}"' in page.text


def test_with_javascript_the_answer_is_the_message_to_show(client, people, chat):
    client.force_login(people["student"])
    response = send(client, chat, {"text": "Bonjour"}, HTTP_ACCEPT="application/json")
    body = response.json()
    message = Message.objects.get()
    assert body["id"] == message.pk and body["conversation"] == chat.pk
    assert 'class="msg mine"' in body["html"] and 'data-state="sent"' in body["html"]


def test_the_same_client_key_stores_one_message(client, people, chat):
    client.force_login(people["student"])
    for _attempt in range(3):
        response = send(client, chat, {"text": "Double tap", "client_key": "k-3f2a9c"})
        assert response.status_code == 302
    assert Message.objects.count() == 1
    chat.refresh_from_db()
    seat = chat.participants.get(user=people["instructor"])
    assert seat.unread_count == 1


def test_a_malformed_client_key_is_ignored_not_trusted(client, people, chat):
    client.force_login(people["student"])
    send(client, chat, {"text": "un", "client_key": "<script>"})
    send(client, chat, {"text": "deux", "client_key": "<script>"})
    assert Message.objects.count() == 2
    assert set(Message.objects.values_list("client_key", flat=True)) == {""}


def test_links_are_shown_as_text_never_fetched(client, people, chat):
    type(people["instructor"]).objects.filter(pk=people["instructor"].pk).update(
        date_joined=timezone.now() - timedelta(days=30)
    )
    client.force_login(people["instructor"])
    send(client, chat, {"text": "Voir https://exemple.cm/tresses <b>ici</b>"})
    page = client.get(f"/fr/messages/{chat.pk}/")
    assert "Voir https://exemple.cm/tresses &lt;b&gt;ici&lt;/b&gt;" in page.text
    assert 'href="https://exemple.cm' not in page.text


def test_a_new_account_cannot_send_links_on_its_first_day(client, people, chat):
    client.force_login(people["student"])
    response = send(client, chat, {"text": "Regarde www.promo-tresses.com"})
    assert response.status_code == 400
    assert shows(
        response,
        "Les nouveaux comptes ne peuvent pas envoyer de liens le premier jour. "
        "Retirez le lien et envoyez à nouveau.",
    )
    assert Message.objects.count() == 0


def test_a_new_account_starts_at_most_20_conversations_on_its_first_day(client, people, settings):
    settings.MESSAGING_NEW_ACCOUNT_CONVERSATIONS = 2
    for number in range(2):  # what she started earlier today
        Conversation.objects.create(
            context_kind="enquiry",
            context_id=str(number),
            pair_key="0:0",
            started_by=people["stranger"],
        )
    client.force_login(people["stranger"])
    response = client.post(
        f"/en/messages/new/?to={people['awa'].pk}&about=enquiry:{people['professional'].pk}",
        {"text": "Do you travel to Bonamoussadi?"},
    )
    assert response.status_code == 400
    assert shows(
        response, "A new account may start 2 conversations on its first day. Try again tomorrow."
    )
    assert Conversation.objects.count() == 2
    assert Message.objects.count() == 0


def test_after_its_first_day_an_account_starts_conversations_freely(client, people, settings):
    settings.MESSAGING_NEW_ACCOUNT_CONVERSATIONS = 0
    type(people["stranger"]).objects.filter(pk=people["stranger"].pk).update(
        date_joined=timezone.now() - timedelta(days=2)
    )
    client.force_login(people["stranger"])
    response = client.post(
        f"/fr/messages/new/?to={people['awa'].pk}&about=enquiry:{people['professional'].pk}",
        {"text": "Voir www.mes-tresses.cm"},
    )
    assert response.status_code == 302


def test_over_the_rate_limit_the_person_is_told_to_wait(client, people, chat, settings):
    settings.MESSAGING_MESSAGES_PER_MINUTE = 3
    client.force_login(people["student"])
    for number in range(3):
        assert send(client, chat, {"text": f"message {number}"}).status_code == 302
    refused = send(client, chat, {"text": "un de trop"}, HTTP_ACCEPT="application/json")
    assert refused.status_code == 429
    assert refused.json()["error"] == (
        "Vous envoyez des messages trop vite. Attendez une minute, puis envoyez-le à nouveau."
    )
    assert Message.objects.count() == 3
    # Another person has her own budget.
    client.force_login(people["instructor"])
    assert send(client, chat, {"text": "réponse"}).status_code == 302


def test_a_photo_is_stored_as_webp_never_the_original(client, people, chat):
    client.force_login(people["student"])
    response = send(client, chat, {"text": "Mes tresses", "photo": photo_upload()})
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.kind == "photo" and message.text == "Mes tresses"
    assert message.attachment.name.endswith(".webp")
    with message.attachment.open("rb") as stored:
        head = stored.read(12)
    assert head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    client.force_login(people["instructor"])
    image = client.get(f"/fr/messages/message/{message.pk}/file/")
    assert image.status_code == 200 and image["Content-Type"] == "image/webp"
    client.force_login(people["stranger"])
    assert client.get(f"/fr/messages/message/{message.pk}/file/").status_code == 404
