"""A local fake BigBlueButton API on loopback, for tests: it checks every call's
checksum (sha1 of call name + query string + shared secret, as the API documents)
and refuses wrong ones with the documented FAILED answer, keeps meetings in memory,
and answers create, join, end, getMeetingInfo and getRecordings in the API's XML.

Like the real server, it calls back what create asked for, once the meeting ends:
the end callback (GET, `recordingmarks` added), the attendance report (POST of the
learning dashboard's JSON, `Authorization: Bearer` a JWT HS512 of {"exp"}) and, when
the meeting was recorded, recording ready (POST `signed_parameters`, a JWT HS256 of
meeting_id and record_id). The callbacks wait in `outbox` until `deliver()` sends
them, as the real server sends them later and from elsewhere. A recorded meeting's
"video" playback serves `recording_file` (a small real video) at
/playback/video/<recordID>/video-0.m4v."""

import hashlib
import json
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit
from xml.sax.saxutils import escape

import jwt
import requests

from tests.loopback_server import LoopbackServer, QuietHandler

SECRET = "fake-bbb-shared-secret"
PREFIX = "/bigbluebutton/api/"
PLAYBACK = "/playback/video/"
VIDEO_FILE = "video-0.m4v"


def bbb_time(moment):
    """A time as bbbevents writes it in the attendance report."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S %z")


def send_with_requests(method, url, headers, body):
    return requests.request(method, url, headers=headers, data=body, timeout=10)


def _xml(returncode, **fields):
    body = "".join(f"<{key}>{value}</{key}>" for key, value in fields.items())
    return f"<response><returncode>{returncode}</returncode>{body}</response>".encode()


def failed(key, message):
    return _xml("FAILED", messageKey=key, message=escape(message))


class FakeBigBlueButton:
    def __init__(self, secret=SECRET, recording_file=None):
        self.secret = secret
        self.recording_file = Path(recording_file) if recording_file else None
        self.meetings = {}  # meetingID -> {"params", "createTime", "attendees": [(name, role)]}
        self.recordings = {}  # meetingID -> [(recordID, url, minutes)]
        self.calls = []  # (call, params)
        self.refused = []
        self.outbox = []  # (method, url, headers, body): callbacks not delivered yet
        self.downloads = []  # recordIDs whose file was served
        self.server = LoopbackServer(_Handler, self)
        self.origin = self.server.origin
        self.url = self.origin + PREFIX.rstrip("/")

    def __enter__(self):
        self.server.start()
        return self

    def __exit__(self, *exc):
        self.server.stop()

    def checksum_ok(self, call, raw_query):
        query, _sep, given = raw_query.rpartition("&checksum=")
        expected = hashlib.sha1((call + query + self.secret).encode()).hexdigest()  # noqa: S324
        return bool(given) and given == expected

    def answer(self, path):
        parts = urlsplit(path)
        if not parts.path.startswith(PREFIX):
            return 404, b""
        call = parts.path[len(PREFIX) :]
        params = {key: values[0] for key, values in parse_qs(parts.query).items()}
        if not self.checksum_ok(call, parts.query):
            self.refused.append((call, params))
            return 200, failed("checksumError", "Checksums do not match")
        self.calls.append((call, params))
        handler = getattr(self, f"call_{call}", None)
        if handler is None:
            return 200, failed("unsupportedRequest", "This request is not supported.")
        return 200, handler(params)

    def call_create(self, params):
        meeting = self.meetings.setdefault(
            params["meetingID"],
            {"params": params, "createTime": "1733300000000", "attendees": [], "stays": {}},
        )
        return _xml("SUCCESS", meetingID=params["meetingID"], createTime=meeting["createTime"])

    def call_join(self, params):
        meeting = self.meetings.get(params.get("meetingID"))
        if meeting is None:
            return failed("invalidMeetingIdentifier", "The meeting ID does not exist.")
        if params.get("createTime") and params["createTime"] != meeting["createTime"]:
            return failed("mismatchCreateTimeParam", "The createTime does not match.")
        if params.get("role") not in ("MODERATOR", "VIEWER"):
            return failed("invalidRole", "No valid role.")
        meeting["attendees"].append((params["fullName"], params["role"]))
        person = meeting["stays"].setdefault(
            params.get("userID", ""),
            {"name": params["fullName"], "moderator": params["role"] == "MODERATOR", "in": []},
        )
        person["in"].append([datetime.now(UTC), None])
        return _xml("SUCCESS", meeting_id=params["meetingID"], user_id=params.get("userID", ""))

    def leave(self, meeting_id, user_id):
        """The person closes their tab: their stay ends now."""
        stays = self.meetings[meeting_id]["stays"][str(user_id)]["in"]
        stays[-1][1] = datetime.now(UTC)

    def call_end(self, params):
        meeting = self.meetings.pop(params.get("meetingID"), None)
        if meeting is None:
            return failed("notFound", "We could not find a meeting with that meeting ID")
        self.meeting_ended(params["meetingID"], meeting)
        return _xml("SUCCESS", messageKey="sentEndMeetingRequest")

    # What the server calls back once a meeting ends (queued in the outbox).

    def meeting_ended(self, meeting_id, meeting):
        created = meeting["params"]
        now = datetime.now(UTC)
        recorded = created.get("record") == "true"
        if created.get("meta_endCallbackUrl"):
            url = created["meta_endCallbackUrl"]
            marks = "true" if recorded else "false"
            url += ("&" if "?" in url else "?") + f"recordingmarks={marks}"
            self.outbox.append(("GET", url, {}, b""))
        if created.get("meta_analytics-callback-url"):
            self.outbox.append(self.attendance_report(meeting_id, meeting, now))
        if recorded:
            record_id = f"{hashlib.sha1(meeting_id.encode()).hexdigest()}-{int(time.time() * 1000)}"  # noqa: S324
            url = f"{self.origin}{PLAYBACK}{record_id}/"
            self.recordings.setdefault(meeting_id, []).append((record_id, url, 1))
            if created.get("meta_bbb-recording-ready-url"):
                self.outbox.append(self.recording_ready(created, meeting_id, record_id))

    def attendance_report(self, meeting_id, meeting, finish):
        attendees = [
            {
                "ext_user_id": user_id,
                "name": person["name"],
                "moderator": person["moderator"],
                "joins": [bbb_time(came) for came, _went in person["in"]],
                "leaves": [bbb_time(went or finish) for _came, went in person["in"]],
                "duration": 0,
                "engagement": {"chats": 0, "talks": 0, "talk_time": 0},
            }
            for user_id, person in meeting["stays"].items()
        ]
        body = {
            "version": "1.0",
            "meeting_id": meeting_id,
            "internal_meeting_id": f"{meeting_id}-internal",
            "data": {
                "metadata": {"meeting_name": meeting["params"].get("name", "")},
                "start": bbb_time(finish),
                "finish": bbb_time(finish),
                "attendees": attendees,
                "files": [],
            },
        }
        token = jwt.encode({"exp": int(time.time()) + 24 * 3600}, self.secret, algorithm="HS512")
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
        url = meeting["params"]["meta_analytics-callback-url"]
        return ("POST", url, headers, json.dumps(body).encode())

    def recording_ready(self, created, meeting_id, record_id):
        token = jwt.encode(
            {"meeting_id": meeting_id, "record_id": record_id}, self.secret, algorithm="HS256"
        )
        body = urlencode({"signed_parameters": token}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return ("POST", created["meta_bbb-recording-ready-url"], headers, body)

    def deliver(self, send=send_with_requests):
        """Send the callbacks waiting in the outbox, oldest first; their answers."""
        answers = []
        while self.outbox:
            answers.append(send(*self.outbox.pop(0)))
        return answers

    def serve_recording(self, handler):
        record_id, _sep, name = handler.path[len(PLAYBACK) :].partition("/")
        known = {r for found in self.recordings.values() for r, _url, _minutes in found}
        if name != VIDEO_FILE or record_id not in known or self.recording_file is None:
            return handler.send_body(404)
        self.downloads.append(record_id)
        handler.send_body(200, self.recording_file.read_bytes(), "video/mp4")

    def call_getMeetingInfo(self, params):
        meeting = self.meetings.get(params.get("meetingID"))
        if meeting is None:
            return failed("notFound", "We could not find a meeting with that meeting ID")
        attendees = "".join(
            f"<attendee><fullName>{escape(name)}</fullName><role>{role}</role></attendee>"
            for name, role in meeting["attendees"]
        )
        return _xml(
            "SUCCESS",
            meetingID=params["meetingID"],
            running="true" if meeting["attendees"] else "false",
            attendees=attendees,
        )

    def call_getRecordings(self, params):
        found = self.recordings.get(params.get("meetingID"), [])
        recordings = "".join(
            f"<recording><recordID>{record_id}</recordID><playback><format><type>video</type>"
            f"<url>{escape(url)}</url><length>{minutes}</length></format></playback></recording>"
            for record_id, url, minutes in found
        )
        return _xml("SUCCESS", recordings=recordings)


class _Handler(QuietHandler):
    def do_GET(self):
        fake = self.server.fake
        if self.path.startswith(PLAYBACK):
            return fake.serve_recording(self)
        status, body = fake.answer(self.path)
        self.send_body(status, body, "text/xml; charset=utf-8")
