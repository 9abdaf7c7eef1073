"""The polling endpoint for pages without a socket (carrier proxies, 2G): new messages
since an id, the unread total and, for an open conversation, the others' read marks.
An unchanged answer is a 304 with no body; a changed one marks messages delivered."""

import hashlib
import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotModified
from django.views.decorators.http import require_GET

from . import events, selectors, services
from .views import positive_int


def _body(user, after, conversation_id):
    messages = selectors.messages_after(user, after)
    payload = [events.message_event(message) for message in messages]
    if conversation_id:
        seat = selectors.seat_for(user, conversation_id)
        if seat is not None:
            for user_id, (delivered, read) in sorted(selectors.marks_of_others(seat).items()):
                for kind, up_to in (("delivered", delivered), ("read", read)):
                    payload.append(
                        events.state_event(
                            kind, conversation_id=seat.conversation_id, user_id=user_id, up_to=up_to
                        )
                    )
    body = {
        "last_id": max([after, *(message.pk for message in messages)]),
        "unread": selectors.unread_total(user),
        "events": payload,
    }
    return body, messages


@login_required
@require_GET
def updates(request):
    after = positive_int(request.GET.get("after")) or 0
    conversation_id = positive_int(request.GET.get("conversation"))
    body, messages = _body(request.user, after, conversation_id)
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    etag = '"' + hashlib.blake2b(content, digest_size=8).hexdigest() + '"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return response
    arrived = {}
    for message in messages:
        if message.sender_id != request.user.pk:
            arrived[message.conversation_id] = message.pk
    if arrived:
        services.mark_delivered(user=request.user, up_to_by_conversation=arrived)
    response = HttpResponse(content, content_type="application/json")
    response["ETag"] = etag
    return response
