"""One conversation through the API, and blocking through it, role by role: what the
conversation page says (who, about what, unread, may she write), messaging's own block
rule (both ways, the page's sentence), and nobody else's conversation."""

import pytest

from accounts.models import MODERATORS_GROUP
from messaging import services
from messaging.models import Block, Conversation, Message

from ..conftest import make_person
from .conftest import app_client, assert_problem

pytestmark = pytest.mark.django_db

CONVERSATIONS = "/api/v1/me/conversations/"


def _chat(world):
    """Sandrine (enrolled) wrote to her instructor Aïcha about the course."""
    conversation = services.start_or_get_conversation(
        world["student"], world["teacher"], "course", str(world["course"].pk)
    )
    services.send_text(user=world["student"], conversation=conversation, text="Bonjour madame")
    return conversation


def _counts():
    return (Conversation.objects.count(), Message.objects.count(), Block.objects.count())


@pytest.fixture
def teacher_api(world):
    return app_client("aicha@example.cm")


def _send(caller, conversation, text="Allô ?"):
    return caller.post(
        f"{CONVERSATIONS}{conversation.pk}/messages/",
        {"text": text},
        content_type="application/json",
    )


def test_the_conversation_says_who_about_what_unread_and_that_she_may_write(world, teacher_api):
    conversation = _chat(world)

    response = teacher_api.get(f"{CONVERSATIONS}{conversation.pk}/")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["id"] == conversation.pk
    assert [person["name"] for person in body["people"]] == ["Sandrine Person"]
    assert body["about"] == {"kind": "course", "id": str(world["course"].pk)}
    assert body["title"] == world["course"].title
    assert (body["unread_count"], body["last_message"]["text"]) == (1, "Bonjour madame")
    assert (body["blocked_by_me"], body["may_write"], body["refusal"]) == (False, True, "")
    assert response["ETag"]


def test_blocking_through_the_api_stops_writing_both_ways_with_the_pages_words(
    world, student_api, teacher_api
):
    conversation = _chat(world)

    blocked = _change(student_api, conversation, "block")

    assert blocked.status_code == 200, blocked.content
    assert (blocked.json()["blocked_by_me"], blocked.json()["may_write"]) == (True, False)
    assert blocked.json()["refusal"] == "Vous ne pouvez pas écrire à cette personne."
    assert Block.objects.filter(blocker=world["student"], blocked=world["teacher"]).exists()
    before = _counts()
    # The blocked instructor can't answer, in French or in English, nor can Sandrine write.
    refused = assert_problem(_send(teacher_api, conversation), 403)
    assert refused["detail"] == "Vous ne pouvez pas écrire à cette personne."
    teacher_api.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert assert_problem(_send(teacher_api, conversation), 403)["detail"] == (
        "You can't write to this person."
    )
    assert_problem(_send(student_api, conversation), 403)
    seen_by_teacher = teacher_api.get(f"{CONVERSATIONS}{conversation.pk}/").json()
    assert seen_by_teacher["blocked_by_me"] is False
    assert seen_by_teacher["refusal"] == "You can't write to this person."
    assert _counts() == before


def test_blocking_twice_keeps_one_block_and_unblocking_lets_both_write_again(
    world, student_api, teacher_api
):
    conversation = _chat(world)
    _change(student_api, conversation, "block")
    again = _change(student_api, conversation, "block")
    assert again.status_code == 200
    assert Block.objects.count() == 1

    unblocked = _change(student_api, conversation, "unblock")

    assert unblocked.status_code == 200
    assert (unblocked.json()["blocked_by_me"], unblocked.json()["may_write"]) == (False, True)
    assert not Block.objects.exists()
    assert _send(teacher_api, conversation, "Re-bonjour").status_code == 201


def test_the_blocked_person_cannot_unblock_herself(world, student_api, teacher_api):
    conversation = _chat(world)
    _change(student_api, conversation, "block")

    # Her unblock concerns her own blocks only: Sandrine's block stays.
    assert _change(teacher_api, conversation, "unblock").status_code == 200

    assert Block.objects.filter(blocker=world["student"], blocked=world["teacher"]).exists()
    assert_problem(_send(teacher_api, conversation), 403)


def _change(caller, conversation, action):
    """Blocks or unblocks, as an app does: an empty JSON body."""
    return caller.post(
        f"{CONVERSATIONS}{conversation.pk}/{action}/", {}, content_type="application/json"
    )


def _caller(role):
    if role == "moderator":
        make_person("moderatrice@example.cm", groups=[MODERATORS_GROUP])
        return app_client("moderatrice@example.cm")
    return app_client(
        {"classmate": "other.student@example.cm", "client": "cliente@example.cm"}[role]
    )


@pytest.mark.parametrize("role", ["classmate", "client", "moderator"])
def test_other_peoples_conversations_cannot_be_read_or_blocked(world, role):
    conversation = _chat(world)
    caller = _caller(role)
    before = _counts()

    assert_problem(caller.get(f"{CONVERSATIONS}{conversation.pk}/"), 404)
    assert_problem(_change(caller, conversation, "block"), 404)
    assert_problem(_change(caller, conversation, "unblock"), 404)

    assert _counts() == before


def test_anonymous_unknown_and_wrong_methods_answer_problems(world, api, student_api):
    conversation = _chat(world)
    before = _counts()

    assert_problem(api.get(f"{CONVERSATIONS}{conversation.pk}/"), 401)
    assert_problem(_change(api, conversation, "block"), 401)
    assert_problem(student_api.get(f"{CONVERSATIONS}999999/"), 404)
    assert_problem(student_api.post(f"{CONVERSATIONS}999999/block/"), 404)
    assert_problem(student_api.get(f"{CONVERSATIONS}{conversation.pk}/block/"), 405)
    assert_problem(
        student_api.post(
            f"{CONVERSATIONS}{conversation.pk}/block/", "{not json", content_type="application/json"
        ),
        400,
    )
    assert_problem(
        student_api.post(
            f"{CONVERSATIONS}{conversation.pk}/block/",
            {"who": "everybody"},
            content_type="application/json",
        ),
        400,
    )
    assert_problem(student_api.delete(f"{CONVERSATIONS}{conversation.pk}/"), 405)

    assert _counts() == before
