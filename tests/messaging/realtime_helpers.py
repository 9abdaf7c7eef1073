"""What the real-time tests share: conversations made straight from the models, a
signed-in socket through the real ASGI application (session cookie, Origin header)."""

import json
import uuid
from contextlib import contextmanager
from unittest import mock

from asgiref.sync import async_to_sync, sync_to_async
from asgiref.testing import ApplicationCommunicator
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils.module_loading import import_string

from messaging.models import Conversation, Participant

ORIGIN = b"http://testserver"


def conversation_between(*people):
    """A plain conversation (no context); three people or more make a group one."""
    if len(people) == 2:
        pair = Conversation.pair_key_for(people[0].pk, people[1].pk)
        conversation = Conversation.objects.create(pair_key=pair)
    else:
        conversation = Conversation.objects.create(is_group=True, context_id=uuid.uuid4().hex)
    for person in people:
        Participant.objects.create(conversation=conversation, user=person)
    return conversation


def session_cookie(user):
    """A signed-in session for ``user``, as the login view would store it."""
    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


class WebsocketCommunicator(ApplicationCommunicator):
    """channels.testing's communicator, which cannot be imported without daphne (its
    package also holds a live-server test case built on daphne, not installed here)."""

    def __init__(self, application, path, headers):
        scope = {"type": "websocket", "path": path, "query_string": b"", "headers": headers}
        super().__init__(application, scope)

    async def connect(self):
        await self.send_input({"type": "websocket.connect"})
        answer = await self.receive_output()
        return answer["type"] == "websocket.accept", answer.get("code")

    async def send_to(self, text_data=None, bytes_data=None):
        if text_data is not None:
            await self.send_input({"type": "websocket.receive", "text": text_data})
        else:
            await self.send_input({"type": "websocket.receive", "bytes": bytes_data})

    async def send_json_to(self, data):
        await self.send_to(text_data=json.dumps(data))

    async def receive_json_from(self, timeout=1):
        answer = await self.receive_output(timeout)
        assert answer["type"] == "websocket.send", answer
        return json.loads(answer["text"])

    async def disconnect(self, code=1000):
        await self.send_input({"type": "websocket.disconnect", "code": code})
        await self.wait(1)


async def socket(user=None, *, origin=ORIGIN):
    """A communicator on /ws/live/ through cms.asgi (origin and session checks)."""
    from cms.asgi import application

    headers = [(b"origin", origin)] if origin else []
    if user is not None:
        cookie = await sync_to_async(session_cookie)(user)
        headers.append((b"cookie", cookie.encode()))
    return WebsocketCommunicator(application, "/ws/live/", headers)


@contextmanager
def sockets_share_the_test_connection():
    """The test's database connection is inside its transaction: the consumer's
    database_sync_to_async must not close it (channels.testing does the same, but only
    while a frame is handed over, not while the consumer works)."""
    with mock.patch("channels.db.close_old_connections", lambda: None):
        yield


def flush_layer():
    layer = get_channel_layer()
    if hasattr(layer, "flush"):
        async_to_sync(layer.flush)()
