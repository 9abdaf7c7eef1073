"""The sandbox room: our own page stands in for the video service, the way the sandbox
phone stands in for Mobile Money. Its way in is a signed, per-person link that works
for LIVE_ROOM_LINK_SECONDS; the room page shows who is there (kept in the database).
Once the host ends a session that may be recorded, it has one recording: a short
sample video made on the spot, so `make run` shows a recording become a lesson."""

import subprocess

from django.core import signing
from django.urls import reverse
from django.utils import timezone

from core.sample_video import ffmpeg_available, make_sample_video

from ..errors import RoomError
from ..models import LiveSession, Presence
from .base import Recording, RecordingTooLarge, RoomBackend, RoomInfo

SALT = "live.sandbox-room"
RECORDING_SECONDS = 4


def room_token(session, *, user_id, role):
    return signing.dumps({"s": session.pk, "u": user_id, "r": role}, salt=SALT, compress=True)


def read_room_token(token, *, max_age):
    """{"s": session id, "u": user id, "r": role}; BadSignature / SignatureExpired."""
    return signing.loads(token, salt=SALT, max_age=max_age)


class SandboxRooms(RoomBackend):
    def create(self, session):
        return session.meeting_id

    def join_url(self, session, *, user_id, name, role, opened=""):
        return reverse("live:enter_room", args=[room_token(session, user_id=user_id, role=role)])

    def end(self, session):
        now = min(timezone.now(), session.ends_at)
        Presence.objects.filter(session=session, left_at__isnull=True).update(
            left_at=now, last_seen_at=now
        )

    def meeting_info(self, session):
        from ..presence import here_now

        names = tuple(name for name, _role in here_now(session))
        return RoomInfo(running=session.status == LiveSession.Status.SCHEDULED, participants=names)

    def recordings(self, session):
        if session.status != LiveSession.Status.ENDED or not session.allow_recording:
            return []
        record_id = f"sandbox-{session.meeting_id}"
        return [
            Recording(
                record_id=record_id,
                url="",
                minutes=session.duration_minutes,
                file_url=f"sandbox:{record_id}",
            )
        ]

    def download(self, recording, *, into, max_bytes):
        if not ffmpeg_available():
            raise RoomError("sandbox recording: FFmpeg is not installed")
        try:
            make_sample_video(into, seconds=RECORDING_SECONDS, width=480, height=270)
        except (OSError, subprocess.SubprocessError) as error:
            raise RoomError(f"sandbox recording: {error!r}") from error
        if into.stat().st_size > max_bytes:
            raise RecordingTooLarge(into.stat().st_size)
