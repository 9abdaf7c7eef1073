"""The one socket a signed-in page keeps open (/ws/live/): it carries events for the
person (messages, read ticks, typing, presence, the bell) and takes two small frames,
"typing" and "ping". Thin, as Channels consumers should be: it authenticates, joins the
person's group and calls selectors and presence; messages are sent over HTTP."""

import json
import time

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from core.realtime import apublish, user_group

from . import presence
from .selectors import participant_ids

# Close codes the page acts on (static/js/live.js): no session means no retry.
CLOSE_NO_SESSION = 4401
CLOSE_TOO_MANY_BAD_FRAMES = 4400
BAD_FRAMES_BEFORE_CLOSE = 20
# A page pings every 25 s; more often than this is not written to the cache.
PING_EVERY_SECONDS = 10
LARGEST_ID = 2**63 - 1


def error_messages():
    return {
        "not_text": _("Only text frames are accepted."),
        "too_large": _("This frame is too large."),
        "not_json": _("This frame is not valid JSON."),
        "unknown_type": _("This kind of frame is not known."),
        "bad_field": _("This frame has a missing or wrong field."),
        "not_participant": _("You are not in this conversation."),
    }


def typing_recipients(user_id, conversation_id):
    """Who hears that this person is typing here: None when they are not in the
    conversation, nobody when they already said so in the last few seconds."""
    throttle_key = f"typing:{user_id}:{conversation_id}"
    if cache.get(throttle_key):
        return set()
    people = participant_ids(conversation_id)
    if user_id not in people:
        return None
    if not cache.add(throttle_key, 1, settings.TYPING_EVERY_SECONDS):
        return set()
    return people - {user_id}


class LiveConsumer(AsyncJsonWebsocketConsumer):
    user_id = None

    async def connect(self):
        user = self.scope.get("user")
        await self.accept()
        if user is None or not user.is_authenticated:
            # Accepted first so the page sees the code (a refused handshake is only
            # "1006" in a browser) and stops trying.
            await self.close(code=CLOSE_NO_SESSION)
            return
        self.user_id = user.pk
        self.first_name = user.first_name
        self.language = getattr(user, "preferred_language", settings.LANGUAGE_CODE)
        self.refused = 0
        self.pinged_at = time.monotonic()
        await self.channel_layer.group_add(user_group(user.pk), self.channel_name)
        await database_sync_to_async(presence.socket_opened)(user.pk)

    async def disconnect(self, code):
        if self.user_id is None:
            return
        await self.channel_layer.group_discard(user_group(self.user_id), self.channel_name)
        await database_sync_to_async(presence.socket_closed)(self.user_id)

    async def receive(self, text_data=None, bytes_data=None):
        if self.user_id is None:
            return
        if text_data is None:
            return await self.refuse("not_text")
        limit = settings.REALTIME_MAX_FRAME_BYTES
        if len(text_data) > limit or len(text_data.encode()) > limit:
            return await self.refuse("too_large")
        try:
            frame = json.loads(text_data)
        except ValueError:
            return await self.refuse("not_json")
        await self.receive_json(frame)

    async def receive_json(self, content, **kwargs):
        kind = content.get("type") if isinstance(content, dict) else None
        if kind == "ping" and set(content) == {"type"}:
            await self.ping()
        elif kind == "typing" and set(content) == {"type", "conversation"}:
            await self.typing(content["conversation"])
        elif kind in ("ping", "typing"):
            await self.refuse("bad_field")
        else:
            await self.refuse("unknown_type")

    async def ping(self):
        now = time.monotonic()
        if now - self.pinged_at >= PING_EVERY_SECONDS:
            self.pinged_at = now
            await database_sync_to_async(presence.socket_pinged)(self.user_id)
        await self.send_json({"type": "pong"})

    async def typing(self, conversation_id):
        # bool is an int in Python; JSON true must not pass for conversation 1.
        if type(conversation_id) is not int or not 1 <= conversation_id <= LARGEST_ID:
            return await self.refuse("bad_field")
        recipients = await database_sync_to_async(typing_recipients)(self.user_id, conversation_id)
        if recipients is None:
            return await self.refuse("not_participant")
        if recipients:
            event = {
                "type": "typing",
                "conversation": conversation_id,
                "user": self.user_id,
                "name": self.first_name,
            }
            await apublish(recipients, event)

    async def refuse(self, code):
        """Answer a frame we do not take with an error frame; change nothing."""
        self.refused += 1
        with translation.override(self.language):
            message = error_messages()[code]
        await self.send_json({"type": "error", "code": code, "message": message})
        if self.refused >= BAD_FRAMES_BEFORE_CLOSE:
            await self.close(code=CLOSE_TOO_MANY_BAD_FRAMES)

    async def deliver(self, message):
        """An event published for this person (core.realtime.publish)."""
        await self.send_json(message["event"])
