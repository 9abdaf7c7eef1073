"""The events people's pages receive (by socket through core.realtime, or by polling
the updates endpoint), in the shapes the page scripts read:

    {"type": "message", "conversation": cid, "id": mid, "sender": uid, "html": "<li…>"}
    {"type": "read", "conversation": cid, "user": uid, "up_to": mid}
    {"type": "delivered", "conversation": cid, "user": uid, "up_to": mid}

A message's html is rendered neutrally (no "mine"): each page marks its own messages
from data-sender. It is rendered once per language of the people receiving it."""

from itertools import groupby

from django.template.loader import render_to_string
from django.utils import translation

from core import realtime

from . import notices
from .models import Message, Participant


def message_html(message, *, mine=False, state=""):
    return render_to_string(
        "messaging/_message.html", {"message": message, "mine": mine, "state": state}
    )


def message_event(message):
    return {
        "type": "message",
        "conversation": message.conversation_id,
        "id": message.pk,
        "sender": message.sender_id,
        "html": message_html(message),
    }


def state_event(kind, *, conversation_id, user_id, up_to):
    return {"type": kind, "conversation": conversation_id, "user": user_id, "up_to": up_to}


def _people_by_language(conversation_id):
    seats = (
        Participant.objects.filter(conversation_id=conversation_id, left_at__isnull=True)
        .order_by("user__preferred_language")
        .values_list("user__preferred_language", "user_id")
    )
    return [
        (language, [user_id for _language, user_id in group])
        for language, group in groupby(seats, key=lambda seat: seat[0])
    ]


def publish_message(message_id):
    """Send the message (new, or changed: hidden by a moderator) to everyone in it."""
    message = Message.objects.select_related("sender", "conversation").filter(pk=message_id).first()
    if message is None:
        return None
    for language, user_ids in _people_by_language(message.conversation_id):
        with translation.override(language or None):
            realtime.publish(user_ids, message_event(message))
    return message


def message_sent(message_id, *, sender_read=False):
    """After the commit of a new message: deliver it, and tell the recipients."""
    message = publish_message(message_id)
    if message is None:
        return
    if sender_read:
        publish_state("read", message.conversation_id, message.sender_id, message.pk)
    notices.tell_recipients(message)


def publish_state(kind, conversation_id, user_id, up_to):
    """A person's read or delivered mark moved: the senders' ticks follow."""
    user_ids = Participant.objects.filter(
        conversation_id=conversation_id, left_at__isnull=True
    ).values_list("user_id", flat=True)
    realtime.publish(
        list(user_ids),
        state_event(kind, conversation_id=conversation_id, user_id=user_id, up_to=up_to),
    )
