"""What every room backend does for a live session: open the room, make one person's
way in (with their name and role), end it, say who is in, list recordings and copy
one recording's video file to a local path."""

from dataclasses import dataclass, field

MODERATOR, ATTENDEE = "moderator", "attendee"


@dataclass(frozen=True)
class RoomInfo:
    running: bool
    participants: tuple = field(default_factory=tuple)  # names


@dataclass(frozen=True)
class Recording:
    record_id: str
    url: str  # where people watch it at the video service
    minutes: int = 0
    # The video file itself ("" when the service made none, e.g. slides only).
    file_url: str = ""


class RecordingTooLarge(Exception):
    """The recording's file is bigger than we accept (LIVE_RECORDING_MAX_BYTES)."""


class RoomBackend:
    """Override each method; the session is a live.models.LiveSession."""

    def create(self, session):
        """Open the room (doing it again for an open room is harmless); returns what
        join_url's `opened` needs (BigBlueButton's createTime)."""
        raise NotImplementedError

    def join_url(self, session, *, user_id, name, role, opened=""):
        """Where this one person goes to enter, as `role` (MODERATOR or ATTENDEE)."""
        raise NotImplementedError

    def end(self, session):
        raise NotImplementedError

    def meeting_info(self, session):
        """A RoomInfo."""
        raise NotImplementedError

    def recordings(self, session):
        """[Recording], newest first."""
        raise NotImplementedError

    def download(self, recording, *, into, max_bytes):
        """Write the recording's video file to the local path `into`, streamed, never
        more than `max_bytes` (RecordingTooLarge); RoomError when the service fails."""
        raise NotImplementedError
