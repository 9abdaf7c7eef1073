"""Voice notes: a real 3-second sound goes through FFmpeg to Opus (~16 kbps, Ogg) in
the task; the recording the phone sent is not kept; it plays only when tapped."""

import os
import subprocess

import pytest
from django.core.files.storage import storages

from messaging import services
from messaging.models import Message

from .conftest import course_about, start, voice_upload


def private_files():
    """Every file in private storage, by path."""
    root = storages["private"].location
    return {os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names}


@pytest.fixture
def chat(people):
    return start(people, people["student"], people["instructor"], course_about(people))


def probe(path):
    completed = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "stream=codec_name,channels:format=format_name,bit_rate,duration",
            "-of",
            "default=noprint_wrappers=1",
            str(path),
        ],
        capture_output=True,
        check=True,
    )
    return dict(line.split("=", 1) for line in completed.stdout.decode().split())


def test_a_voice_note_is_transcoded_to_opus_and_plays_on_tap(
    client, people, chat, django_capture_on_commit_callbacks
):
    client.force_login(people["student"])
    files_before = private_files()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/fr/messages/{chat.pk}/send/", {"voice": voice_upload(seconds=3)})
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.kind == "voice" and message.voice_state == "ready"
    assert message.voice_seconds == 3
    assert message.attachment.name.endswith(".ogg")
    path = storages["private"].path(message.attachment.name)
    info = probe(path)
    assert info["codec_name"] == "opus" and info["channels"] == "1" and info["format_name"] == "ogg"
    assert 2.5 < float(info["duration"]) < 3.5
    assert message.attachment.size < 12_000  # ~16 kbps: about 6 KB for 3 s, headers included
    # The upload itself is gone (other tests of this process may have left theirs, their
    # tasks never run: only the files this test made count).
    assert not any("voice-upload" in name for name in private_files() - files_before)

    client.force_login(people["instructor"])
    page = client.get(f"/fr/messages/{chat.pk}/")
    assert "data-voice" in page.text and "0:03" in page.text
    assert "<audio" not in page.text  # nothing is fetched until she taps
    sound = client.get(f"/fr/messages/message/{message.pk}/file/")
    assert sound.status_code == 200 and sound["Content-Type"] == "audio/ogg"
    client.force_login(people["stranger"])
    assert client.get(f"/fr/messages/message/{message.pk}/file/").status_code == 404


def test_a_voice_note_longer_than_two_minutes_is_refused(client, people, chat):
    client.force_login(people["student"])
    response = client.post(f"/en/messages/{chat.pk}/send/", {"voice": voice_upload(seconds=125)})
    assert response.status_code == 400
    assert "A voice note can be 2 minutes at most. Record a shorter one." in response.text
    assert Message.objects.count() == 0


def test_a_voice_note_still_being_prepared_says_so(client, people, chat):
    message = services.send_voice(
        user=people["student"], conversation=chat, upload=voice_upload(seconds=1)
    )  # no commit in this test: the task has not run
    client.force_login(people["instructor"])
    response = client.get(f"/en/messages/message/{message.pk}/file/")
    assert response.status_code == 409
    assert "still being prepared" in response.content.decode()


def test_the_task_does_nothing_twice(people, chat):
    from messaging.tasks import transcode_voice_note

    message = services.send_voice(
        user=people["student"], conversation=chat, upload=voice_upload(seconds=1)
    )
    assert transcode_voice_note(message.pk) == "ready"
    assert transcode_voice_note(message.pk) == "nothing to do"


def test_a_browser_recording_without_a_duration_in_its_header_is_measured(tmp_path):
    """MediaRecorder's WebM carries no duration: the packets are read to the end."""
    from messaging import voice

    recording = tmp_path / "recording.webm"
    with open(recording, "wb") as piped:  # written to a pipe, like a live recorder
        subprocess.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=3",
                "-c:a",
                "libopus",
                "-f",
                "webm",
                "pipe:1",
            ],
            stdout=piped,
            check=True,
        )
    assert probe(recording).get("duration") == "N/A"
    assert 2.9 < voice.duration_seconds(recording) < 3.1
