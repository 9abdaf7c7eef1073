"""The sandbox room: our own page stands in for the video service in `make run`, the
demo and tests. Its way in is a signed, per-person link carrying the same claims as a
Jitsi token (room, person, moderator, not before, expires)."""

from django.core import signing
from django.urls import reverse

from .base import VideoRooms

SALT = "booking.sandbox-call"


def call_token(call_pass):
    return signing.dumps(
        {
            "room": call_pass.room,
            "u": call_pass.user_id,
            "m": call_pass.moderator,
            "nbf": int(call_pass.not_before.timestamp()),
            "exp": int(call_pass.expires_at.timestamp()),
        },
        salt=SALT,
        compress=True,
    )


def read_call_token(token, *, room, user_id, now):
    """The claims when the token is genuine, for this room and person, and good now;
    else None."""
    try:
        claims = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    moment = now.timestamp()
    if (
        claims.get("room") != room
        or claims.get("u") != user_id
        or not claims.get("nbf", 0) <= moment < claims.get("exp", 0)
    ):
        return None
    return claims


class SandboxRooms(VideoRooms):
    def join_url(self, call_pass):
        return (
            reverse("booking:call_room", args=[call_pass.room]) + f"?token={call_token(call_pass)}"
        )
