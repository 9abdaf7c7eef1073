"""Photos and voice notes through the API, role by role: multipart uploads through the
conversation page's own checks (WebP re-encoding, an audio file of two minutes at most,
sizes, rate limits, blocks), and files opened by the conversation's people only. Bad
input answers a translated problem and stores nothing."""

import os

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import MODERATORS_GROUP
from messaging import services
from messaging.models import Block, Message

from ..conftest import make_person
from ..messaging.conftest import pdf_upload, photo_upload, voice_upload
from .conftest import app_client, assert_problem

pytestmark = pytest.mark.django_db

CONVERSATIONS = "/api/v1/me/conversations/"
PATHS = {"photo": "photos", "voice": "voice-notes"}


def _chat(world):
    return services.start_or_get_conversation(
        world["student"], world["teacher"], "course", str(world["course"].pk)
    )


def _stored_files():
    """Every file in private storage: a refused upload leaves none behind."""
    root = storages["private"].location
    return sorted(
        os.path.join(folder, name) for folder, _d, names in os.walk(root) for name in names
    )


def _photo(caller, conversation, **fields):
    return caller.post(f"{CONVERSATIONS}{conversation.pk}/photos/", fields)


def _voice(caller, conversation, **fields):
    return caller.post(f"{CONVERSATIONS}{conversation.pk}/voice-notes/", fields)


@pytest.fixture
def teacher_api(world):
    return app_client("aicha@example.cm")


def test_a_photo_is_sent_as_webp_and_opened_by_the_conversations_people_only(
    world, api, student_api, teacher_api
):
    conversation = _chat(world)

    sent = _photo(student_api, conversation, photo=photo_upload(), text="Mes tresses")

    assert sent.status_code == 201, sent.content
    body = sent.json()
    assert (body["kind"], body["text"], body["mine"], body["state"]) == (
        "photo",
        "Mes tresses",
        True,
        "sent",
    )
    assert body["attachment_url"] == (
        f"http://testserver/api/v1/me/messages/{body['id']}/attachment/"
    )
    [seen] = teacher_api.get(f"{CONVERSATIONS}{conversation.pk}/messages/").json()["results"]
    assert seen["attachment_url"] == body["attachment_url"]
    opened = teacher_api.get(body["attachment_url"])
    assert opened.status_code == 200
    assert opened["Content-Type"] == "image/webp"
    content = b"".join(opened.streaming_content)
    assert content[:4] == b"RIFF" and content[8:12] == b"WEBP"
    for email in ("other.student@example.cm", "cliente@example.cm"):
        assert_problem(app_client(email).get(body["attachment_url"]), 404)
    make_person("moderatrice@example.cm", groups=[MODERATORS_GROUP])
    assert_problem(app_client("moderatrice@example.cm").get(body["attachment_url"]), 404)
    assert_problem(api.get(body["attachment_url"]), 401)


def test_a_voice_note_is_transcoded_after_sending_and_plays_when_ready(
    world, student_api, teacher_api, django_capture_on_commit_callbacks
):
    conversation = _chat(world)
    waiting = services.send_voice(
        user=world["student"], conversation=conversation, upload=voice_upload(seconds=1)
    )  # not committed: its transcoding has not run
    not_yet = assert_problem(teacher_api.get(f"/api/v1/me/messages/{waiting.pk}/attachment/"), 409)
    assert not_yet["detail"] == (
        "Ce message vocal est encore en préparation. Réessayez dans un instant."
    )

    with django_capture_on_commit_callbacks(execute=True):
        sent = _voice(student_api, conversation, voice=voice_upload(seconds=2), client_key="v-1")

    assert sent.status_code == 201, sent.content
    assert (sent.json()["kind"], sent.json()["voice_seconds"]) == ("voice", 2)
    message = Message.objects.get(pk=sent.json()["id"])
    assert message.voice_state == "ready"
    sound = teacher_api.get(sent.json()["attachment_url"])
    assert sound.status_code == 200 and sound["Content-Type"] == "audio/ogg"
    again = _voice(student_api, conversation, voice=voice_upload(seconds=2), client_key="v-1")
    assert again.json()["id"] == message.pk  # the same tap sent twice is stored once


@pytest.mark.parametrize(
    ("language", "upload", "field", "detail"),
    [
        ("fr", pdf_upload, "photo", "«\xa0photo.jpg\xa0» n'est pas une photo (JPEG, PNG ou HEIC)."),
        ("en", pdf_upload, "photo", "“photo.jpg” is not a photo (JPEG, PNG or HEIC)."),
        (
            "en",
            lambda: SimpleUploadedFile("note.ogg", photo_upload().read(), "audio/ogg"),
            "voice",
            "This file is not a voice note we can play. Record it again.",
        ),
        (
            "fr",
            lambda: voice_upload(seconds=125),
            "voice",
            "Un message vocal dure 2 minutes au plus. Enregistrez-en un plus court.",
        ),
    ],
)
def test_what_is_not_a_photo_or_a_playable_voice_note_is_refused_and_nothing_stored(
    world, student_api, language, upload, field, detail
):
    conversation = _chat(world)
    student_api.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    before = _stored_files()

    problem = assert_problem(
        student_api.post(f"{CONVERSATIONS}{conversation.pk}/{PATHS[field]}/", {field: upload()}),
        400,
    )

    assert detail in problem["errors"][field][0], problem
    assert not Message.objects.exists()
    assert _stored_files() == before


@pytest.mark.parametrize(
    ("path", "fields", "status"),
    [
        ("photos", {}, 400),
        ("photos", {"photo": "not a file"}, 400),
        ("photos", {"photo": "__photo__", "colour": "red"}, 400),
        ("photos", {"photo": "__photo__", "text": "a" * 1001}, 400),
        ("photos", {"photo": "__photo__", "client_key": "no spaces"}, 400),
        ("voice-notes", {}, 400),
        ("voice-notes", {"voice": "__voice__", "text": "une légende"}, 400),
        ("voice-notes", {"voice": SimpleUploadedFile("empty.ogg", b"", "audio/ogg")}, 400),
    ],
)
def test_bad_upload_forms_are_refused(world, student_api, path, fields, status):
    conversation = _chat(world)
    files = {"__photo__": photo_upload, "__voice__": voice_upload}
    fields = {name: files[value]() if value in files else value for name, value in fields.items()}

    assert_problem(student_api.post(f"{CONVERSATIONS}{conversation.pk}/{path}/", fields), status)

    assert not Message.objects.exists()


def test_too_big_uploads_and_json_bodies_are_refused_unread(world, student_api):
    conversation = _chat(world)
    before = _stored_files()
    big_photo = SimpleUploadedFile("big.jpg", b"\xff" * (10 * 1024 * 1024 + 100 * 1024))
    big_voice = SimpleUploadedFile("big.ogg", b"\x00" * (5 * 1024 * 1024 + 100 * 1024))

    assert_problem(_photo(student_api, conversation, photo=big_photo), 413)
    assert_problem(_voice(student_api, conversation, voice=big_voice), 413)
    assert_problem(
        student_api.post(
            f"{CONVERSATIONS}{conversation.pk}/photos/",
            {"photo": "x"},
            content_type="application/json",
        ),
        415,
    )

    assert not Message.objects.exists()
    assert _stored_files() == before


def test_a_block_or_the_rate_limit_stops_uploads_too(world, student_api, teacher_api, settings):
    conversation = _chat(world)
    Block.objects.create(blocker=world["student"], blocked=world["teacher"])

    blocked = assert_problem(_photo(teacher_api, conversation, photo=photo_upload()), 403)
    assert blocked["detail"] == "Vous ne pouvez pas écrire à cette personne."
    Block.objects.all().delete()
    settings.MESSAGING_MESSAGES_PER_MINUTE = 1
    assert _photo(teacher_api, conversation, photo=photo_upload()).status_code == 201
    assert_problem(_voice(teacher_api, conversation, voice=voice_upload(seconds=1)), 429)
    assert Message.objects.count() == 1


@pytest.mark.parametrize("email", ["other.student@example.cm", "cliente@example.cm"])
def test_nobody_uploads_into_someone_elses_conversation(world, email):
    conversation = _chat(world)
    caller = app_client(email)
    before = _stored_files()

    assert_problem(_photo(caller, conversation, photo=photo_upload()), 404)
    assert_problem(_voice(caller, conversation, voice=voice_upload(seconds=1)), 404)
    assert_problem(caller.get("/api/v1/me/messages/999999/attachment/"), 404)

    assert not Message.objects.exists()
    assert _stored_files() == before
