"""A block stops writing both ways, with a clear sentence; unblocking opens it again."""

from messaging.models import Block, Message

from .conftest import course_about, shows, start


def test_blocking_stops_new_messages_both_ways(client, people):
    chat = start(people, people["student"], people["instructor"], course_about(people))
    client.force_login(people["student"])
    assert client.post(f"/fr/messages/{chat.pk}/block/").status_code == 302
    assert Block.objects.filter(blocker=people["student"], blocked=people["instructor"]).exists()

    refused = client.post(f"/en/messages/{chat.pk}/send/", {"text": "Hello"})
    assert refused.status_code == 400
    assert shows(refused, "You can't write to this person.")

    client.force_login(people["instructor"])
    page = client.get(f"/fr/messages/{chat.pk}/")
    assert shows(page, "Vous ne pouvez pas écrire à cette personne.")
    assert "data-send-form" not in page.text
    json = client.post(
        f"/fr/messages/{chat.pk}/send/", {"text": "Bonjour"}, HTTP_ACCEPT="application/json"
    )
    assert json.status_code == 400
    assert json.json()["error"] == "Vous ne pouvez pas écrire à cette personne."
    assert Message.objects.count() == 0


def test_a_blocked_person_cannot_start_a_new_conversation_either(client, people):
    Block.objects.create(blocker=people["awa"], blocked=people["stranger"])
    client.force_login(people["stranger"])
    response = client.post(
        f"/fr/messages/new/?to={people['awa'].pk}&about=enquiry:{people['professional'].pk}",
        {"text": "Bonjour"},
    )
    assert response.status_code == 403
    assert shows(response, "Vous ne pouvez pas écrire à cette personne.")
    assert Message.objects.count() == 0


def test_unblocking_lets_both_write_again(client, people):
    chat = start(people, people["student"], people["instructor"], course_about(people))
    client.force_login(people["student"])
    client.post(f"/fr/messages/{chat.pk}/block/")
    assert "Débloquer" in client.get(f"/fr/messages/{chat.pk}/").text
    client.post(f"/fr/messages/{chat.pk}/unblock/")
    assert not Block.objects.exists()
    client.force_login(people["instructor"])
    assert client.post(f"/fr/messages/{chat.pk}/send/", {"text": "Re-bonjour"}).status_code == 302
