"""What the conversation page shows, shared by its view and the send view (which
shows the page again with the refusal when JavaScript is off)."""

import json
import uuid

from django.urls import reverse

from core import photos

from . import selectors, voice
from .presence import presence_label


def conversation_context(request, seat, *, before=None, error="", text=""):
    user = request.user
    conversation = seat.conversation
    others = selectors.others_in(seat)
    messages, older = selectors.messages_before(conversation.pk, before=before)
    marks = selectors.marks_of_others(seat)
    items = [
        {
            "message": message,
            "mine": message.sender_id == user.pk,
            "state": selectors.tick_state(message.pk, marks.values())
            if message.sender_id == user.pk
            else "",
        }
        for message in messages
    ]
    title, url = selectors.about(conversation)
    other = selectors.the_other(seat)
    return {
        "seat": seat,
        "conversation": conversation,
        "names": ", ".join(selectors.display_name(person) for person in others),
        "about_title": title,
        "about_url": url,
        "items": items,
        "older": older,
        "before": before,
        "other": other,
        "presence": presence_label(user, other) if other is not None else "",
        "i_blocked": other is not None and selectors.has_blocked(user, other),
        "refusal": selectors.refusal_to_write(seat, user),
        "error": error,
        "text": text,
        "client_key": uuid.uuid4().hex,
        "marks_json": json.dumps({str(uid): list(mark) for uid, mark in marks.items()}),
        "last_id": conversation.last_message_id or 0,
        "updates_url": reverse("messaging:updates"),
        "voice_max_seconds": voice.MAX_VOICE_SECONDS,
        "voice_max_bytes": voice.MAX_VOICE_BYTES,
        "voice_accept": voice.ACCEPT_ATTRIBUTE,
        "photo_accept": photos.ACCEPT_ATTRIBUTE,
    }
