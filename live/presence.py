"""Who is in a live session's sandbox room now (core.room_stays). The stays are also the
session's attendance (who came, when, for how long)."""

from community.selectors import display_name
from core import room_stays

from .models import Presence


def enter(*, user, session, role):
    return room_stays.enter(Presence, user=user, room={"session": session}, role=role)


def seen(*, user, session):
    room_stays.seen(Presence, user=user, room={"session": session})


def leave(*, user, session):
    return room_stays.leave(Presence, user=user, room={"session": session})


def here_now(session):
    """[(name, role)] of who is in the room now, host first (one query)."""
    stays = room_stays.here_now(
        Presence, room={"session": session}, order_by=("-role", "joined_at")
    )
    return [(display_name(stay.user), stay.role) for stay in stays]
