"""Hand an event to the sockets of some people, on whichever ASGI server they are
connected (Channels groups, on Redis in production). Every event also lands in the
database first, so a person without a socket catches up by polling."""

import asyncio

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def user_group(user_id):
    """The Channels group every socket of one person joins."""
    return f"user-{user_id}"


async def apublish(user_ids, event):
    """``publish`` for async code (the socket consumers)."""
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": "deliver", "event": event}
    await asyncio.gather(
        *(layer.group_send(user_group(user_id), message) for user_id in set(user_ids))
    )


def publish(user_ids, event):
    """Send ``event`` (a JSON-able dict with a "type" such as "message", "read",
    "typing", "presence", "notifications") to each person's sockets. Call it after the
    commit (transaction.on_commit)."""
    # One event loop (and so one Redis connection) for all of them, not one per person.
    async_to_sync(apublish)(user_ids, event)
