"""What every video room backend does for a booking: turn one person's pass into the
address where they enter the call."""

import secrets
from dataclasses import dataclass
from datetime import datetime


def new_room_name():
    """A room nobody can guess (128 random bits). Lower case: Jitsi lower-cases the
    room names it is given, and the token's room must match."""
    return f"bsa-{secrets.token_hex(16)}"


@dataclass(frozen=True)
class CallPass:
    """One person's right to enter one room, between two moments (aware datetimes)."""

    room: str
    user_id: int
    name: str
    moderator: bool
    not_before: datetime
    expires_at: datetime


class VideoRooms:
    """Override join_url."""

    def join_url(self, call_pass):
        """Where this person goes to enter (a redirect target); nobody else may use it."""
        raise NotImplementedError
