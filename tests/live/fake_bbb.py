"""A local fake BigBlueButton API on loopback, for tests: it checks every call's
checksum (sha1 of call name + query string + shared secret, as the API documents)
and refuses wrong ones with the documented FAILED answer, keeps meetings in memory,
and answers create, join, end, getMeetingInfo and getRecordings in the API's XML."""

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

SECRET = "fake-bbb-shared-secret"
PREFIX = "/bigbluebutton/api/"


def _xml(returncode, **fields):
    body = "".join(f"<{key}>{value}</{key}>" for key, value in fields.items())
    return f"<response><returncode>{returncode}</returncode>{body}</response>".encode()


def failed(key, message):
    return _xml("FAILED", messageKey=key, message=escape(message))


class FakeBigBlueButton:
    def __init__(self, secret=SECRET):
        self.secret = secret
        self.meetings = {}  # meetingID -> {"params", "createTime", "attendees": [(name, role)]}
        self.recordings = {}  # meetingID -> [(recordID, url, minutes)]
        self.calls = []  # (call, params)
        self.refused = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                status, body = fake.answer(self.path)
                self.send_response(status)
                self.send_header("Content-Type", "text/xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{PREFIX.rstrip('/')}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

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
            {"params": params, "createTime": "1733300000000", "attendees": []},
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
        return _xml("SUCCESS", meeting_id=params["meetingID"], user_id=params.get("userID", ""))

    def call_end(self, params):
        if self.meetings.pop(params.get("meetingID"), None) is None:
            return failed("notFound", "We could not find a meeting with that meeting ID")
        return _xml("SUCCESS", messageKey="sentEndMeetingRequest")

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
