"""Every person downloads all her conversations as one JSON file."""

import json

from messaging import services

from .conftest import course_about, start


def test_export_holds_every_conversation_and_message_of_the_person(client, people):
    course_chat = start(people, people["student"], people["instructor"], course_about(people))
    services.send_text(user=people["student"], conversation=course_chat, text="Bonjour")
    answer = services.send_text(user=people["instructor"], conversation=course_chat, text="Oui ?")
    report = services.report(user=people["student"], message=answer)
    services.hide(moderator=people["moderator"], report=report)
    other_chat = start(people, people["moderator"], people["student"], "")
    services.send_text(user=people["moderator"], conversation=other_chat, text="Bienvenue")
    elsewhere = start(people, people["client"], people["awa"], f"booking:{people['booking'].pk}")
    services.send_text(user=people["client"], conversation=elsewhere, text="Pas pour Linda")

    client.force_login(people["student"])
    response = client.get("/fr/messages/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="messages-')
    data = json.loads(response.content)
    assert data["person"]["email"] == "linda@example.cm"
    by_id = {conversation["id"]: conversation for conversation in data["conversations"]}
    assert set(by_id) == {course_chat.pk, other_chat.pk}
    course = by_id[course_chat.pk]
    assert course["about"]["kind"] == "course" and course["about"]["title"] == "Teint parfait"
    assert [m["text"] for m in course["messages"]] == [
        "Bonjour",
        "Message masqué par la modération",
    ]
    assert course["messages"][0]["mine"] is True and course["messages"][1]["mine"] is False
    assert [m["text"] for m in by_id[other_chat.pk]["messages"]] == ["Bienvenue"]
    assert "Pas pour Linda" not in response.content.decode()


def test_export_needs_to_be_signed_in(client, people):
    assert client.get("/fr/messages/export/").status_code == 302
