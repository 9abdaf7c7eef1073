"""Who is in a booking's sandbox video room now (core.room_stays)."""

from core import room_stays

from .calls import name_in_call
from .models import CallStay


def enter(*, user, booking, moderator):
    return room_stays.enter(CallStay, user=user, room={"booking": booking}, moderator=moderator)


def leave(*, user, booking):
    return room_stays.leave(CallStay, user=user, room={"booking": booking})


def here_now(booking):
    """[(name, moderator)] of who is in the room now, the professional first (one query)."""
    stays = room_stays.here_now(
        CallStay, room={"booking": booking}, order_by=("-moderator", "joined_at")
    )
    return [(name_in_call(stay.user, booking), stay.moderator) for stay in stays]
