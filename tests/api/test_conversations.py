"""Conversations and messages through the API, role by role, with the messaging pages'
rules: who may write to whom, what a message may hold, how fast; read marks, reports,
and nobody else's conversations or messages."""

import pytest
from asgiref.sync import async_to_sync
from channels.layers import channel_layers, get_channel_layer

from accounts.models import MODERATORS_GROUP
from core.realtime import user_group
from messaging import services
from messaging.models import Block, Conversation, Message, Participant, Report
from notifications.models import Notification

from ..conftest import make_person
from .conftest import app_client, assert_problem

pytestmark = pytest.mark.django_db

CONVERSATIONS = "/api/v1/me/conversations/"


def _messages_url(conversation):
    return f"{CONVERSATIONS}{conversation.pk}/messages/"


def _course(world):
    return {"kind": "course", "id": str(world["course"].pk)}


def _chat(world, text="Bonjour madame"):
    """Sandrine (enrolled) wrote to her instructor Aïcha about the course."""
    conversation = services.start_or_get_conversation(
        world["student"], world["teacher"], "course", str(world["course"].pk)
    )
    services.send_text(user=world["student"], conversation=conversation, text=text)
    return conversation


def _counts():
    return (Conversation.objects.count(), Message.objects.count(), Report.objects.count())


@pytest.fixture
def teacher_api(world):
    return app_client("aicha@example.cm")


def test_student_writes_to_her_instructor_who_sees_it_unread(
    world, student_api, teacher_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        started = student_api.post(
            CONVERSATIONS,
            {"to": world["teacher"].pk, "about": _course(world), "text": " Bonjour madame "},
            content_type="application/json",
        )

    assert started.status_code == 201, started.content
    body = started.json()
    assert body["about"] == _course(world)
    assert [person["name"] for person in body["people"]] == ["Test Person"]
    assert (body["unread_count"], body["last_message"]["text"]) == (0, "Bonjour madame")
    [row] = teacher_api.get(CONVERSATIONS).json()["results"]
    assert (row["id"], row["unread_count"]) == (body["id"], 1)
    [message] = teacher_api.get(f"{CONVERSATIONS}{body['id']}/messages/").json()["results"]
    assert (message["text"], message["mine"], message["state"]) == ("Bonjour madame", False, None)
    assert message["sender"]["name"] == "Sandrine Person"
    # The real-time fan-out ran: the instructor's centre tells her.
    assert Notification.objects.filter(user=world["teacher"], kind="message_received").exists()


def test_starting_again_writes_in_the_same_conversation(world, student_api):
    conversation = _chat(world)

    again = student_api.post(
        CONVERSATIONS,
        {"to": world["teacher"].pk, "about": _course(world), "text": "Encore moi"},
        content_type="application/json",
    )

    assert again.status_code == 201
    assert again.json()["id"] == conversation.pk
    assert Conversation.objects.count() == 1


def test_messages_come_newest_first_by_cursor_and_mine_carry_ticks(world, student_api):
    conversation = _chat(world, "Un")
    for text in ("Deux", "Trois"):
        services.send_text(user=world["student"], conversation=conversation, text=text)

    first = student_api.get(_messages_url(conversation) + "?page_size=2").json()
    second = student_api.get(first["next"]).json()

    assert [m["text"] for m in first["results"]] == ["Trois", "Deux"]
    assert [m["text"] for m in second["results"]] == ["Un"]
    assert {m["state"] for m in first["results"]} == {"sent"}
    assert all(m["mine"] for m in first["results"])


def test_a_reply_and_the_read_mark_turn_the_ticks(world, student_api, teacher_api):
    conversation = _chat(world)

    reply = teacher_api.post(
        _messages_url(conversation),
        {"text": "Bonjour Sandrine", "client_key": "reply-1"},
        content_type="application/json",
    )
    read = student_api.post(
        f"{CONVERSATIONS}{conversation.pk}/read/", {}, content_type="application/json"
    )
    after = teacher_api.get(_messages_url(conversation)).json()["results"]

    assert reply.status_code == 201, reply.content
    assert (reply.json()["mine"], reply.json()["state"]) == (True, "sent")
    assert read.json() == {"read": reply.json()["id"], "unread": 0}
    assert after[0]["state"] == "read"


def test_sending_twice_with_one_client_key_stores_one_message(world, teacher_api):
    conversation = _chat(world)
    body = {"text": "Une fois", "client_key": "tap-tap"}

    first = teacher_api.post(_messages_url(conversation), body, content_type="application/json")
    second = teacher_api.post(_messages_url(conversation), body, content_type="application/json")

    assert first.json()["id"] == second.json()["id"]
    assert Message.objects.filter(text="Une fois").count() == 1


def test_a_message_sent_reaches_the_others_sockets(
    world, teacher_api, settings, django_capture_on_commit_callbacks
):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    channel_layers.backends.clear()
    layer = get_channel_layer()
    conversation = _chat(world)
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(user_group(world["student"].pk), channel)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            sent = teacher_api.post(
                _messages_url(conversation), {"text": "En direct"}, content_type="application/json"
            )
        event = async_to_sync(layer.receive)(channel)["event"]
    finally:
        channel_layers.backends.clear()

    assert (event["type"], event["id"]) == ("message", sent.json()["id"])


def test_a_hidden_message_shows_nothing_of_itself(world, teacher_api):
    conversation = _chat(world, "Un mot grossier")
    Message.objects.filter(conversation=conversation).update(hidden_at="2026-01-01T00:00Z")

    [message] = teacher_api.get(_messages_url(conversation)).json()["results"]
    [row] = teacher_api.get(CONVERSATIONS).json()["results"]

    assert (message["text"], message["hidden"]) == ("", True)
    assert (row["last_message"]["text"], row["last_message"]["hidden"]) == ("", True)


def test_a_message_is_reported_once_by_the_other_person(world, teacher_api, student_api):
    conversation = _chat(world)
    message = conversation.messages.get()
    url = f"/api/v1/me/messages/{message.pk}/report/"

    reported = teacher_api.post(url, {"reason": "Insultes"}, content_type="application/json")
    again = teacher_api.post(url, {}, content_type="application/json")
    own = student_api.post(url, {}, content_type="application/json")

    assert reported.status_code == 201
    assert reported.json()["reason"] == "Insultes"
    assert assert_problem(again, 409)["detail"] == "Vous avez déjà signalé ce message."
    assert_problem(own, 409)
    assert Report.objects.filter(message=message).count() == 1


# --- Who may write ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("email", "about"),
    [
        # Not enrolled in the course: no right to write to its instructor.
        ("cliente@example.cm", "course"),
        # An enquiry is about a professional's profile: Aïcha has none.
        ("student@example.cm", "enquiry"),
        # Nobody writes to one person about nothing, except a moderator.
        ("student@example.cm", "none"),
    ],
)
def test_who_may_not_start_is_refused_and_nothing_is_made(world, email, about):
    caller = app_client(email)
    contexts = {
        "course": _course(world),
        "enquiry": {"kind": "enquiry", "id": str(world["course"].pk)},
        "none": {"kind": "", "id": ""},
    }
    before = _counts()

    body = assert_problem(
        caller.post(
            CONVERSATIONS,
            {"to": world["teacher"].pk, "about": contexts[about], "text": "Bonjour"},
            content_type="application/json",
        ),
        403,
    )

    assert body["detail"] == "Vous ne pouvez pas encore écrire à cette personne."
    assert _counts() == before


def test_a_client_enquires_with_the_professionals_contact(world, api):
    client_api = app_client("cliente@example.cm")
    contact = api.get(f"/api/v1/professionals/{world['professional'].pk}/").json()["contact"]

    started = client_api.post(
        CONVERSATIONS,
        {**contact, "text": "Vous tressez le dimanche ?"},
        content_type="application/json",
    )

    assert started.status_code == 201, started.content
    assert started.json()["about"] == {"kind": "enquiry", "id": str(world["professional"].pk)}
    assert [p["name"] for p in started.json()["people"]] == ["Awa Ndongo"]


def test_a_block_stops_writing_both_ways(world, teacher_api):
    conversation = _chat(world)
    Block.objects.create(blocker=world["student"], blocked=world["teacher"])
    before = _counts()

    body = assert_problem(
        teacher_api.post(
            _messages_url(conversation), {"text": "Allô ?"}, content_type="application/json"
        ),
        403,
    )

    assert body["detail"] == "Vous ne pouvez pas écrire à cette personne."
    assert _counts() == before


def test_too_many_messages_in_a_minute_are_refused(world, teacher_api, settings):
    settings.MESSAGING_MESSAGES_PER_MINUTE = 1
    conversation = _chat(world)
    teacher_api.post(_messages_url(conversation), {"text": "Un"}, content_type="application/json")
    before = _counts()

    assert_problem(
        teacher_api.post(
            _messages_url(conversation), {"text": "Deux"}, content_type="application/json"
        ),
        429,
    )
    assert _counts() == before


# --- Bad input and other people's things --------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "   "}, "text"),
        ({"text": ""}, "text"),
        ({"text": "a" * 4001}, "text"),
        ({"text": ["Salut"]}, "text"),
        ({"text": "Salut", "colour": "red"}, "colour"),
        ({"text": "Salut", "client_key": "no spaces allowed"}, "client_key"),
        ({"text": "Voir www.promo-tresses.com"}, "text"),
    ],
)
def test_bad_messages_are_refused_and_nothing_changes(world, teacher_api, body, field):
    conversation = _chat(world)
    before = _counts()

    problem = assert_problem(
        teacher_api.post(_messages_url(conversation), body, content_type="application/json"), 400
    )

    assert field in problem["errors"]
    assert _counts() == before


@pytest.mark.parametrize(
    "body",
    [
        {"to": "Aïcha", "about": {"kind": "course", "id": "1"}, "text": "Bonjour"},
        {"to": 1, "about": "course:1", "text": "Bonjour"},
        {"to": 1, "about": {"kind": "course", "id": "1", "x": 1}, "text": "Bonjour"},
        {"to": 1, "about": {"kind": "course", "id": "1"}},
    ],
)
def test_bad_first_messages_are_refused(world, student_api, body):
    before = _counts()

    assert_problem(student_api.post(CONVERSATIONS, body, content_type="application/json"), 400)

    assert _counts() == before


def _caller(role):
    if role == "moderator":
        make_person("moderatrice@example.cm", groups=[MODERATORS_GROUP])
        return app_client("moderatrice@example.cm")
    return app_client(
        {"classmate": "other.student@example.cm", "client": "cliente@example.cm"}[role]
    )


@pytest.mark.parametrize("role", ["classmate", "client", "moderator"])
def test_other_peoples_conversations_and_messages_are_not_found(world, role):
    conversation = _chat(world)
    message = conversation.messages.get()
    caller = _caller(role)
    before = (_counts(), list(Participant.objects.values_list("last_read_id", flat=True)))

    assert_problem(caller.get(_messages_url(conversation)), 404)
    assert_problem(
        caller.post(
            _messages_url(conversation), {"text": "Coucou"}, content_type="application/json"
        ),
        404,
    )
    assert_problem(
        caller.post(f"{CONVERSATIONS}{conversation.pk}/read/", {}, content_type="application/json"),
        404,
    )
    assert_problem(
        caller.post(
            f"/api/v1/me/messages/{message.pk}/report/", {}, content_type="application/json"
        ),
        404,
    )
    assert caller.get(CONVERSATIONS).json()["results"] == []
    assert (_counts(), list(Participant.objects.values_list("last_read_id", flat=True))) == before


def test_anonymous_callers_must_sign_in(api, world):
    conversation = _chat(world)

    assert_problem(api.get(CONVERSATIONS), 401)
    assert_problem(api.get(_messages_url(conversation)), 401)
    assert_problem(
        api.post(_messages_url(conversation), {"text": "x"}, content_type="application/json"), 401
    )
    assert_problem(api.get(f"{CONVERSATIONS}999999/messages/"), 401)


def test_unknown_ids_and_bad_cursors_are_not_found(world, student_api):
    conversation = _chat(world)

    assert_problem(student_api.get(f"{CONVERSATIONS}999999/messages/"), 404)
    assert_problem(student_api.get(_messages_url(conversation) + "?cursor=%%%bad"), 404)
    assert_problem(
        student_api.post("/api/v1/me/messages/999999/report/", {}, content_type="application/json"),
        404,
    )
