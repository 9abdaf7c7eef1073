"""Rooms on a BigBlueButton server, through its API (docs.bigbluebutton.org,
"API Reference"): create, join, end, getMeetingInfo, getRecordings.

Every call carries checksum = sha1(call name + query string + shared secret), the
query string being exactly what is sent, without the checksum itself. Answers are
XML with returncode SUCCESS or FAILED. A join link is made per person (their name,
their id, their role) and signed the same way: a link changed by hand (a VIEWER made
MODERATOR) is refused by the server.

Callbacks (end, attendance, recording ready) are asked for on create: see
bbb_callbacks. A recording is fetched from its "video" playback format (the server
needs that format enabled), whose folder holds the file `video-0.m4v`.

Low-bandwidth defaults: attendees join audio-first, their webcam not shared until
they choose to (the host can ask them); listen-only stays possible; the echo test and
the video preview are skipped to save a minute of data."""

import contextlib
import hashlib
import time
from urllib.parse import urlencode
from xml.etree import ElementTree

import requests
from django.utils.translation import gettext as _

from ..errors import RoomError
from . import bbb_callbacks
from .base import MODERATOR, Recording, RecordingTooLarge, RoomBackend, RoomInfo

ROLES = {MODERATOR: "MODERATOR"}  # anyone else: VIEWER
# Join parameters for everyone (documented "userdata-bbb_*" client settings).
AUDIO_FIRST = {
    "userdata-bbb_auto_share_webcam": "false",
    "userdata-bbb_skip_video_preview": "true",
    "userdata-bbb_listen_only_mode": "true",
    "userdata-bbb_skip_check_audio": "true",
}
VIDEO_FILE = "video-0.m4v"
CHUNK = 1024 * 1024


def checksum(call, query, secret):
    return hashlib.sha1((call + query + secret).encode()).hexdigest()  # noqa: S324 (BBB's scheme)


class BigBlueButtonRooms(RoomBackend):
    def __init__(self, *, url, secret, timeout=10, download_timeout=3600):
        self.url = url.rstrip("/")
        self.secret = secret
        self.timeout = timeout
        self.download_timeout = download_timeout

    def signed_url(self, call, params):
        query = urlencode(params)
        return f"{self.url}/{call}?{query}&checksum={checksum(call, query, self.secret)}"

    def _call(self, call, params):
        try:
            response = requests.get(self.signed_url(call, params), timeout=self.timeout)
        except requests.RequestException as error:
            raise RoomError(f"BigBlueButton {call}: {error!r}") from error
        if response.status_code != 200:
            raise RoomError(f"BigBlueButton {call}: HTTP {response.status_code}")
        try:
            # Our own configured server's answer; expat refuses entity expansion bombs.
            root = ElementTree.fromstring(response.content)  # noqa: S314
        except ElementTree.ParseError as error:
            raise RoomError(f"BigBlueButton {call}: not XML") from error
        if root.findtext("returncode") != "SUCCESS":
            raise RoomError(
                f"BigBlueButton {call}: {root.findtext('messageKey')} {root.findtext('message')}"
            )
        return root

    def create(self, session):
        from ..notices import session_url

        params = {
            "name": session.title,
            "meetingID": session.meeting_id,
            "record": "true" if session.allow_recording else "false",
            "autoStartRecording": "false",
            "allowStartStopRecording": "true" if session.allow_recording else "false",
            # The room closes itself a little after the planned end.
            "duration": str(session.duration_minutes + 15),
            "maxParticipants": str(session.capacity + 1),
            "muteOnStart": "true",
            # Cameras are not locked: the host can ask someone to turn theirs on.
            "lockSettingsDisableCam": "false",
            "webcamsOnlyForModerator": "false",
            "logoutURL": session_url(session),
            "welcome": _("Welcome! Your webcam is off to save data; turn it on if the host asks."),
            **bbb_callbacks.callback_params(session),
        }
        root = self._call("create", params)
        return root.findtext("createTime") or ""

    def join_url(self, session, *, user_id, name, role, opened=""):
        params = {
            "fullName": name,
            "meetingID": session.meeting_id,
            "role": ROLES.get(role, "VIEWER"),
            "userID": str(user_id),
            "redirect": "true",
            **AUDIO_FIRST,
        }
        if opened:
            # create's createTime ties the link to this opening of the room.
            params["createTime"] = opened
        return self.signed_url("join", params)

    def end(self, session):
        # Already ended, or never started: nothing to end.
        with contextlib.suppress(RoomError):
            self._call("end", {"meetingID": session.meeting_id})

    def meeting_info(self, session):
        try:
            root = self._call("getMeetingInfo", {"meetingID": session.meeting_id})
        except RoomError:
            return RoomInfo(running=False)
        names = tuple(attendee.findtext("fullName") or "" for attendee in root.iter("attendee"))
        return RoomInfo(running=root.findtext("running") == "true", participants=names)

    def recordings(self, session):
        root = self._call("getRecordings", {"meetingID": session.meeting_id})
        found = []
        for recording in root.iter("recording"):
            url = file_url = ""
            minutes = 0
            for playback in recording.iter("format"):
                url = playback.findtext("url") or url
                if playback.findtext("type") == "video" and playback.findtext("url"):
                    file_url = _video_file(playback.findtext("url"))
                    minutes = int(playback.findtext("length") or 0)
            found.append(
                Recording(
                    record_id=recording.findtext("recordID") or "",
                    url=url,
                    minutes=minutes or int(recording.findtext("playback/format/length") or 0),
                    file_url=file_url,
                )
            )
        return found

    def download(self, recording, *, into, max_bytes):
        deadline = time.monotonic() + self.download_timeout
        try:
            with requests.get(recording.file_url, stream=True, timeout=self.timeout) as response:
                if response.status_code != 200:
                    raise RoomError(f"BigBlueButton recording: HTTP {response.status_code}")
                if int(response.headers.get("Content-Length") or 0) > max_bytes:
                    raise RecordingTooLarge(response.headers["Content-Length"])
                written = 0
                with open(into, "wb") as target:
                    for chunk in response.iter_content(CHUNK):
                        written += len(chunk)
                        if written > max_bytes:
                            raise RecordingTooLarge(written)
                        if time.monotonic() > deadline:
                            raise RoomError("BigBlueButton recording: download took too long")
                        target.write(chunk)
        except requests.RequestException as error:
            raise RoomError(f"BigBlueButton recording: {error!r}") from error
        if not written:
            raise RoomError("BigBlueButton recording: empty file")


def _video_file(playback_url):
    """The "video" format's URL is its player's folder; the file sits in it."""
    if playback_url.rsplit("/", 1)[-1].lower().endswith((".m4v", ".mp4", ".webm")):
        return playback_url
    return playback_url.rstrip("/") + "/" + VIDEO_FILE
