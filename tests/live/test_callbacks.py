"""What BigBlueButton calls back, from a local fake of the server that sends what the
documentation describes: the create call asks for the callbacks; the end and the
attendance land once, however often they come; forged or unknown ones are refused
and change nothing; a moderator's link never reaches an attendee."""

import json
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import pytest
import requests
from django.test import Client, override_settings

from live import registration
from live.models import LiveSession, Presence, SessionRecording
from live.rooms import rooms
from live.rooms.bbb_callbacks import end_token

from .conftest import make_session, shows, soon, start_now
from .fake_bbb import SECRET, FakeBigBlueButton

ATTENDANCE = "/live/callbacks/bbb/attendance/"
RECORDING_READY = "/live/callbacks/bbb/recording-ready/"


@pytest.fixture
def bbb():
    with (
        FakeBigBlueButton() as fake,
        override_settings(LIVE_BBB_URL=fake.url, LIVE_BBB_SECRET=SECRET),
    ):
        yield fake


def _session(people, *, allow_recording=False):
    session = make_session(
        people, "class", starts_at=soon(hours=3), allow_recording=allow_recording
    )
    registration.register(user=people["founder"], session=session)
    return start_now(session, minutes_ago=5)


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def _params(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def through(client):
    """Deliver the fake server's callbacks to our site through the test client."""

    def send(method, url, headers, body):
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        extra = {
            "HTTP_" + name.upper().replace("-", "_"): value
            for name, value in headers.items()
            if name.lower() != "content-type"
        }
        return client.generic(
            method,
            path,
            data=body,
            content_type=headers.get("Content-Type", "application/octet-stream"),
            **extra,
        )

    return send


def _in_the_room(people, session, bbb):
    """The host and the student follow the links our join view made for them."""
    for person in (people["teacher"], people["founder"]):
        link = _as(person).get(f"/fr/live/{session.pk}/join/")["Location"]
        assert b"SUCCESS" in requests.get(link, timeout=5).content


def _bearer(secret=SECRET, algorithm="HS512", **claims):
    claims.setdefault("exp", int(time.time()) + 3600)
    return "Bearer " + jwt.encode(claims, secret, algorithm=algorithm)


def test_create_asks_for_the_end_attendance_and_recording_callbacks(people, bbb):
    recorded = _session(people, allow_recording=True)
    _as(people["teacher"]).get(f"/fr/live/{recorded.pk}/join/")
    create = dict(bbb.calls)["create"]
    assert create["meta_endCallbackUrl"].startswith("http://testserver/live/callbacks/bbb/ended/")
    assert create["meta_analytics-callback-url"] == "http://testserver" + ATTENDANCE
    assert create["meta_bbb-recording-ready-url"] == "http://testserver" + RECORDING_READY
    assert create["meetingKeepEvents"] == "true" and create["record"] == "true"

    bbb.calls.clear()
    with override_settings(LIVE_PUBLIC_BASE_URL="https://academy.example"):
        not_recorded = make_session(people, "expert_qa", starts_at=soon(hours=3))
        start_now(not_recorded, minutes_ago=5)
        _as(people["moderator"]).get(f"/fr/live/{not_recorded.pk}/join/")
    create = dict(bbb.calls)["create"]
    assert "meta_bbb-recording-ready-url" not in create
    assert create["meta_analytics-callback-url"] == "https://academy.example" + ATTENDANCE


def test_the_end_and_the_attendance_land_once_and_the_host_sees_them(
    people, bbb, django_capture_on_commit_callbacks
):
    session = _session(people)
    _in_the_room(people, session, bbb)
    bbb.leave(session.meeting_id, people["founder"].pk)
    rooms().end(session)  # the host presses "End meeting" in BigBlueButton
    site = Client()
    first_round = list(bbb.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        answers = bbb.deliver(through(site))

    assert [answer.status_code for answer in answers] == [200, 200]
    assert answers[1].json() == {"received": True, "new_stays": 2}
    session.refresh_from_db()
    assert session.status == LiveSession.Status.ENDED
    stays = {stay.user_id: stay for stay in Presence.objects.filter(session=session)}
    assert stays[people["teacher"].pk].role == "moderator"
    student = stays[people["founder"].pk]
    assert student.role == "attendee" and student.left_at >= student.joined_at

    # BigBlueButton retries what it thinks failed: sent again, nothing more is kept.
    bbb.outbox.extend(first_round)
    again = bbb.deliver(through(site))
    assert [answer.status_code for answer in again] == [200, 200]
    assert again[1].json()["new_stays"] == 0
    assert Presence.objects.filter(session=session).count() == 2
    assert not SessionRecording.objects.exists()

    page = _as(people["teacher"]).get(f"/fr/live/{session.pk}/")
    assert shows(page, "Présences") and shows(page, "2 personnes sont venues.")
    assert shows(page, "Nadia M.") and shows(page, "Cette séance est terminée.")
    # The student may now rate it: she was there.
    assert shows(_as(people["founder"]).get(f"/fr/live/{session.pk}/"), "Envoyer ma note")


def _nothing_changed(session):
    session.refresh_from_db()
    assert session.status == LiveSession.Status.SCHEDULED
    assert not Presence.objects.filter(session=session).exists()
    assert not SessionRecording.objects.exists()


def test_a_forged_end_callback_is_refused_and_changes_nothing(people, bbb):
    session = _session(people, allow_recording=True)
    site = Client()
    good = end_token(session.meeting_id)
    # An attendee knows the meeting ID (it is in her join link), not our signature.
    for token in (session.meeting_id, good[:-2] + "xx", end_token("other") + "x"):
        answer = site.get(f"/live/callbacks/bbb/ended/{token}/?recordingmarks=true")
        assert answer.status_code == 403
        assert answer.json() == {"error": "forged callback: the signature does not match"}
    unknown = site.get(f"/live/callbacks/bbb/ended/{end_token('no-such-meeting')}/")
    assert unknown.status_code == 404 and unknown.json() == {"error": "unknown meeting"}
    _nothing_changed(session)


@pytest.mark.parametrize(
    "authorization",
    [
        "",
        "Basic abc",
        _bearer(secret="not-the-secret"),
        _bearer(exp=int(time.time()) - 60),  # expired
        "Bearer " + jwt.encode({"exp": int(time.time()) + 60}, None, algorithm="none"),
    ],
    ids=["none", "basic", "wrong-secret", "expired", "alg-none"],
)
def test_a_forged_attendance_report_is_refused_and_changes_nothing(people, bbb, authorization):
    session = _session(people)
    body = json.dumps(
        {
            "meeting_id": session.meeting_id,
            "data": {
                "attendees": [
                    {
                        "ext_user_id": str(people["founder"].pk),
                        "joins": ["2025-01-01 10:00:00 +0000"],
                        "leaves": [],
                    }
                ]
            },
        }
    )
    answer = Client().post(
        ATTENDANCE, data=body, content_type="application/json", HTTP_AUTHORIZATION=authorization
    )
    assert answer.status_code == 401
    assert answer.json() == {"error": "forged callback: the shared secret does not match"}
    _nothing_changed(session)


def test_an_attendance_report_for_an_unknown_meeting_or_not_json_is_refused(people, bbb):
    session = _session(people)
    site = Client()
    unknown = site.post(
        ATTENDANCE,
        data='{"meeting_id": "no-such-meeting", "data": {"attendees": []}}',
        content_type="application/json",
        HTTP_AUTHORIZATION=_bearer(),
    )
    assert unknown.status_code == 404 and unknown.json() == {"error": "unknown meeting"}
    garbled = site.post(
        ATTENDANCE, data="<xml/>", content_type="application/json", HTTP_AUTHORIZATION=_bearer()
    )
    assert garbled.status_code == 400
    assert "not the learning dashboard's JSON" in garbled.json()["error"]
    _nothing_changed(session)


def _ready(site, token):
    return site.post(
        RECORDING_READY,
        data=urlencode({"signed_parameters": token}),
        content_type="application/x-www-form-urlencoded",
    )


def test_a_forged_or_unknown_recording_ready_callback_is_refused_and_changes_nothing(people, bbb):
    session = _session(people, allow_recording=True)
    site = Client()
    claims = {"meeting_id": session.meeting_id, "record_id": "rec-1"}
    forged = _ready(site, jwt.encode(claims, "not-the-secret", algorithm="HS256"))
    assert forged.status_code == 401
    assert forged.json() == {"error": "forged callback: the shared secret does not match"}
    unsigned = _ready(site, jwt.encode(claims, None, algorithm="none"))
    assert unsigned.status_code == 401
    unknown = _ready(
        site,
        jwt.encode({"meeting_id": "no-such", "record_id": "rec-1"}, SECRET, algorithm="HS256"),
    )
    assert unknown.status_code == 404 and unknown.json() == {"error": "unknown meeting"}
    assert site.post(RECORDING_READY).status_code == 400  # no signed_parameters
    assert site.get(RECORDING_READY).status_code == 405
    # Without a configured server no signature is right, not even one made with "".
    with override_settings(LIVE_BBB_SECRET=""):
        assert _ready(site, jwt.encode(claims, "", algorithm="HS256")).status_code == 401
    assert bbb.downloads == []
    _nothing_changed(session)


def test_a_moderator_link_never_reaches_an_attendee(people, bbb):
    session = _session(people)
    student = _as(people["founder"])
    seen = [
        student.get(f"/fr/live/{session.pk}/").content.decode(),
        student.get("/fr/live/mine/").content.decode(),
        student.get(f"/fr/live/{session.pk}/join/")["Location"],
        student.get(f"/en/live/{session.pk}/join/")["Location"],
    ]
    assert all("MODERATOR" not in text for text in seen)
    assert _params(seen[2])["role"] == "VIEWER"
    assert _params(seen[2])["userID"] == str(people["founder"].pk)
    # The host's own link is made for her only, and only on her request.
    host_link = _as(people["teacher"]).get(f"/fr/live/{session.pk}/join/")["Location"]
    assert _params(host_link)["role"] == "MODERATOR"
    assert all(host_link not in text for text in seen)
    # Someone not registered gets no link at all.
    stranger = _as(people["stranger"]).get(f"/fr/live/{session.pk}/join/")
    assert stranger.status_code == 403 and "Location" not in stranger
