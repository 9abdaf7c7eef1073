"""The sandbox room: our own page stands in for the video service, the way the sandbox
phone stands in for Mobile Money. Its way in is a signed, per-person link that works
for LIVE_ROOM_LINK_SECONDS; the room page shows who is there (kept in the database)."""

from django.core import signing
from django.urls import reverse

from ..models import LiveSession, Presence
from .base import RoomBackend, RoomInfo

SALT = "live.sandbox-room"


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
        Presence.objects.filter(session=session, left_at__isnull=True).update(
            left_at=session.ends_at
        )

    def meeting_info(self, session):
        from ..presence import here_now

        names = tuple(name for name, _role in here_now(session))
        return RoomInfo(running=session.status == LiveSession.Status.SCHEDULED, participants=names)

    def recordings(self, session):
        return []
