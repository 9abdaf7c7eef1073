"""Every person may take their conversations away: one JSON file with each
conversation, who was in it and every message (hidden ones say so)."""

import json

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors
from .models import Message


def export_for(user):
    """A JSON-able dict of all the person's conversations and their messages."""
    seats = list(selectors.conversation_rows(user))
    conversations = {}
    for seat in seats:
        conversation = seat.conversation
        title, url = selectors.about(conversation)
        conversations[conversation.pk] = {
            "id": conversation.pk,
            "about": {"kind": conversation.context_kind, "title": title, "url": url},
            "people": [selectors.display_name(other.user) for other in conversation.seats],
            "started": conversation.created_at.isoformat(),
            "messages": [],
        }
    messages = (
        Message.objects.filter(conversation_id__in=list(conversations))
        .select_related("sender")
        .order_by("conversation_id", "pk")
    )
    hidden = _("Message hidden by a moderator")
    for message in messages.iterator(chunk_size=2000):
        entry = {
            "id": message.pk,
            "sent": timezone.localtime(message.created_at).isoformat(),
            "from": selectors.display_name(message.sender),
            "mine": message.sender_id == user.pk,
            "kind": message.kind,
            "text": hidden if message.hidden_at else message.text,
        }
        if message.attachment and not message.hidden_at:
            entry["attachment"] = reverse("messaging:attachment", args=[message.pk])
        conversations[message.conversation_id]["messages"].append(entry)
    return {
        "exported": timezone.localtime().isoformat(),
        "person": {"name": selectors.display_name(user), "email": user.email},
        "conversations": list(conversations.values()),
    }


def export_json(user):
    return json.dumps(export_for(user), ensure_ascii=False, indent=1)
