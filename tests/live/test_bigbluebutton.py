"""The BigBlueButton backend against a local fake of its API that checks checksums:
create, per-person join links with the right role and audio-first defaults, end,
getMeetingInfo and getRecordings; a changed link or a wrong secret is refused."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.test import Client, override_settings

from live import registration
from live.errors import RoomError
from live.rooms import rooms
from live.rooms.bigbluebutton import BigBlueButtonRooms

from .conftest import make_session, soon, start_now
from .fake_bbb import SECRET, FakeBigBlueButton


@pytest.fixture
def bbb():
    with FakeBigBlueButton() as fake:
        yield fake


@pytest.fixture
def session(people):
    session = make_session(people, "class", starts_at=soon(hours=3), capacity=8)
    registration.register(user=people["founder"], session=session)
    return start_now(session, minutes_ago=-5)


def _params(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_settings_choose_bigbluebutton_only_with_url_and_secret(bbb):
    assert type(rooms()).__name__ == "SandboxRooms"
    with override_settings(LIVE_BBB_URL=bbb.url, LIVE_BBB_SECRET=""):
        assert type(rooms()).__name__ == "SandboxRooms"
    with override_settings(LIVE_BBB_URL=bbb.url, LIVE_BBB_SECRET=SECRET):
        assert isinstance(rooms(), BigBlueButtonRooms)


def test_join_goes_to_a_signed_link_made_for_each_person_with_their_role(people, session, bbb):
    with override_settings(LIVE_BBB_URL=bbb.url, LIVE_BBB_SECRET=SECRET):
        student, host = Client(), Client()
        student.force_login(people["founder"])
        host.force_login(people["teacher"])
        attendee_link = student.get(f"/fr/live/{session.pk}/join/")["Location"]
        host_link = host.get(f"/fr/live/{session.pk}/join/")["Location"]

    create = dict(bbb.calls)["create"]
    assert create["meetingID"] == session.meeting_id
    assert create["maxParticipants"] == "9" and create["record"] == "false"
    assert create["muteOnStart"] == "true" and create["lockSettingsDisableCam"] == "false"

    attendee, moderator = _params(attendee_link), _params(host_link)
    assert attendee["role"] == "VIEWER" and attendee["fullName"] == "Nadia M."
    assert moderator["role"] == "MODERATOR" and moderator["userID"] == str(people["teacher"].pk)
    assert attendee["userdata-bbb_auto_share_webcam"] == "false"
    assert attendee["userdata-bbb_listen_only_mode"] == "true"
    assert attendee["createTime"] == "1733300000000"

    # The server accepts each link as made...
    for link in (attendee_link, host_link):
        assert b"SUCCESS" in requests.get(link, timeout=5).content
    assert bbb.meetings[session.meeting_id]["attendees"] == [
        ("Nadia M.", "VIEWER"),
        (moderator["fullName"], "MODERATOR"),
    ]
    # ...and refuses a moderator link made from an attendee's by hand.
    forged = attendee_link.replace("role=VIEWER", "role=MODERATOR")
    answer = requests.get(forged, timeout=5).content
    assert b"checksumError" in answer
    assert bbb.refused[-1][1]["role"] == "MODERATOR"


def test_meeting_info_recordings_and_end_through_the_api(people, session, bbb):
    backend = BigBlueButtonRooms(url=bbb.url, secret=SECRET)
    assert backend.meeting_info(session).running is False
    opened = backend.create(session)
    requests.get(
        backend.join_url(session, user_id=1, name="Aïcha", role="moderator", opened=opened),
        timeout=5,
    )
    info = backend.meeting_info(session)
    assert info.running and info.participants == ("Aïcha",)
    bbb.recordings[session.meeting_id] = [("rec-1", "https://bbb.example/playback/rec-1", 42)]
    (recording,) = backend.recordings(session)
    assert recording.record_id == "rec-1" and recording.minutes == 42
    backend.end(session)
    assert session.meeting_id not in bbb.meetings
    backend.end(session)  # ending twice is harmless


def test_a_wrong_secret_is_refused_by_the_server(session, bbb):
    backend = BigBlueButtonRooms(url=bbb.url, secret="not-the-secret")
    with pytest.raises(RoomError, match="checksumError"):
        backend.create(session)
    assert not bbb.meetings and bbb.refused[0][0] == "create"


def test_a_video_service_that_does_not_answer_gives_a_clear_message(people, session):
    with override_settings(
        LIVE_BBB_URL="http://127.0.0.1:9/bigbluebutton/api", LIVE_BBB_SECRET="x"
    ):
        client = Client()
        client.force_login(people["founder"])
        response = client.get(f"/en/live/{session.pk}/join/")
    assert response.status_code == 403
    assert "The video room does not answer right now." in response.content.decode()


def test_the_checksum_is_the_one_the_api_reference_shows():
    # docs.bigbluebutton.org, API Reference, "Usage": the create example and its secret.
    backend = BigBlueButtonRooms(
        url="http://yourserver.com/bigbluebutton/api",
        secret="639259d4-9dd8-4b25-bf01-95f9567eaf4b",
    )
    url = backend.signed_url(
        "create",
        {
            "name": "Test Meeting",
            "meetingID": "abc123",
            "attendeePW": "111222",
            "moderatorPW": "333444",
        },
    )
    assert url == (
        "http://yourserver.com/bigbluebutton/api/create?name=Test+Meeting&meetingID=abc123"
        "&attendeePW=111222&moderatorPW=333444&checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17"
    )
