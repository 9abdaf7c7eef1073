"""Every bad input of the issue gets a clear, translated answer and stores nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from messaging.models import Conversation, Message

from .conftest import course_about, pdf_upload, shows, start


@pytest.fixture
def chat(people):
    return start(people, people["student"], people["instructor"], course_about(people))


def send(client, person, conversation, data, language="fr", **headers):
    client.force_login(person)
    return client.post(f"/{language}/messages/{conversation.pk}/send/", data, **headers)


def assert_nothing_stored():
    assert Message.objects.count() == 0
    assert Conversation.objects.get().last_message_id is None


@pytest.mark.parametrize(
    "language, text, error",
    [
        ("fr", "", "Écrivez un message avant de l'envoyer."),
        ("en", "   \n ", "Write a message before sending it."),
        (
            "fr",
            "a" * 10_000,
            "Un message compte 4\xa0000 caractères au plus\xa0; celui-ci en a 10\xa0000.",
        ),
        ("en", "a" * 10_000, "A message can be 4,000 characters at most; this one has 10,000."),
    ],
)
def test_empty_or_too_long_text_is_refused(client, people, chat, language, text, error):
    response = send(client, people["student"], chat, {"text": text}, language)
    assert response.status_code == 400
    assert shows(response, error)
    assert_nothing_stored()


def test_the_page_script_gets_the_same_error_as_json(client, people, chat):
    response = send(client, people["student"], chat, {"text": ""}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json() == {"error": "Écrivez un message avant de l'envoyer."}
    assert_nothing_stored()


def test_exactly_4000_characters_is_accepted(client, people, chat):
    response = send(client, people["student"], chat, {"text": "b" * 4000})
    assert response.status_code == 302
    assert len(Message.objects.get().text) == 4000


def test_a_pdf_sent_as_a_photo_is_refused(client, people, chat):
    response = send(client, people["student"], chat, {"text": "", "photo": pdf_upload()})
    assert response.status_code == 400
    assert shows(response, "«\xa0photo.jpg\xa0» n'est pas une photo (JPEG, PNG ou HEIC).")
    assert_nothing_stored()


def test_a_30_mb_voice_note_is_refused(client, people, chat):
    big = SimpleUploadedFile("note.webm", b"\x1a\x45\xdf\xa3" + b"\0" * (30 * 1024 * 1024))
    response = send(client, people["student"], chat, {"voice": big}, "en")
    assert response.status_code == 400
    assert shows(response, "A voice note can be 5 MB at most. Record a shorter one.")
    assert_nothing_stored()


def test_a_file_that_is_not_a_sound_is_refused_as_a_voice_note(client, people, chat):
    response = send(client, people["student"], chat, {"voice": pdf_upload("note.webm")}, "en")
    assert response.status_code == 400
    assert shows(response, "This file is not a voice note we can play. Record it again.")
    assert_nothing_stored()


def test_reading_another_persons_conversation_by_id_is_not_found(client, people, chat):
    client.force_login(people["stranger"])
    assert client.get(f"/fr/messages/{chat.pk}/").status_code == 404
    assert (
        client.get(f"/fr/messages/{chat.pk}/?before=5", HTTP_ACCEPT="application/json").status_code
        == 404
    )
    assert client.post(f"/fr/messages/{chat.pk}/send/", {"text": "coucou"}).status_code == 404
    assert client.post(f"/fr/messages/{chat.pk}/read/", {"up_to": 1}).status_code == 404
    assert client.post(f"/fr/messages/{chat.pk}/block/").status_code == 404
    assert Message.objects.count() == 0


def test_the_updates_endpoint_shows_nothing_of_other_peoples_conversations(client, people, chat):
    send(client, people["student"], chat, {"text": "Ma question"})
    client.force_login(people["stranger"])
    body = client.get(f"/fr/messages/updates/?after=0&conversation={chat.pk}").json()
    assert body["events"] == []
    assert body["unread"] == 0


@pytest.mark.parametrize(
    "path",
    [
        "/fr/messages/999999999/",
        "/fr/messages/99999999999999999999999999/",
        "/fr/messages/0/",
        "/fr/messages/message/99999999999999999999999/file/",
        "/fr/messages/message/999999/report/",
    ],
)
def test_forged_ids_are_not_found(client, people, chat, path):
    client.force_login(people["student"])
    assert client.get(path).status_code == 404


def test_forged_query_values_are_ignored(client, people, chat):
    client.force_login(people["student"])
    for query in ("after=abc", "after=-5", "after=99999999999999999999999", "conversation=x"):
        response = client.get(f"/fr/messages/updates/?{query}")
        assert response.status_code == 200
    page = client.get(f"/fr/messages/{chat.pk}/?before=abc")
    assert page.status_code == 200


def test_a_message_from_another_persons_conversation_cannot_be_reported(client, people, chat):
    send(client, people["student"], chat, {"text": "Bonjour"})
    message = Message.objects.get()
    client.force_login(people["stranger"])
    response = client.post(f"/fr/messages/message/{message.pk}/report/", {"reason": "spam"})
    assert response.status_code == 404
    assert not message.reports.exists()


def test_sending_needs_to_be_signed_in(client, people, chat):
    response = client.post(f"/fr/messages/{chat.pk}/send/", {"text": "Bonjour"})
    assert response.status_code == 302
    assert Message.objects.count() == 0
