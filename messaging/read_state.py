"""How far each person has received and read a conversation: one number each (message
ids only grow), and the unread count kept beside it for the header."""

from django.db import transaction
from django.db.models import OuterRef, Subquery

from . import events
from .models import Conversation, Message, Participant


@transaction.atomic
def mark_read(*, user, conversation, up_to=None):
    """`user` has read `conversation` up to message `up_to` (default: its newest).
    Returns the new read mark; the others' ticks turn blue after the commit."""
    seat = (
        Participant.objects.select_for_update()
        .filter(conversation=conversation, user=user, left_at__isnull=True)
        .first()
    )
    if seat is None:
        return 0
    newest = Conversation.objects.filter(pk=conversation.pk).values_list(
        "last_message_id", flat=True
    )[0]
    if newest is None:
        return seat.last_read_id
    up_to = newest if up_to is None else min(int(up_to), newest)
    if up_to <= seat.last_read_id:
        return seat.last_read_id
    seat.last_read_id = up_to
    seat.last_delivered_id = max(seat.last_delivered_id, up_to)
    seat.unread_count = (
        Message.objects.filter(conversation=conversation, pk__gt=up_to).exclude(sender=user).count()
    )
    seat.save(update_fields=["last_read_id", "last_delivered_id", "unread_count"])
    conversation_id = conversation.pk
    transaction.on_commit(lambda: events.publish_state("read", conversation_id, user.pk, up_to))
    return up_to


def mark_delivered(*, user, up_to_by_conversation):
    """Messages up to these ids ({conversation id: message id}) reached `user`'s
    phone. Ticks turn double for the senders after the commit."""
    moved = []
    with transaction.atomic():
        for conversation_id, up_to in up_to_by_conversation.items():
            if Participant.objects.filter(
                conversation_id=conversation_id, user=user, last_delivered_id__lt=up_to
            ).update(last_delivered_id=up_to):
                moved.append((conversation_id, up_to))
        transaction.on_commit(lambda: _announce_delivered(user.pk, moved))
    return moved


def mark_all_delivered(*, user):
    """Everything in `user`'s conversations reached her (she opened the list): one
    read and one write, whatever the number of conversations."""
    newest = Conversation.objects.filter(pk=OuterRef("conversation_id")).values("last_message_id")[
        :1
    ]
    behind = Participant.objects.filter(
        user=user, left_at__isnull=True, last_delivered_id__lt=Subquery(newest)
    )
    moved = list(behind.values_list("conversation_id", "conversation__last_message_id"))
    if not moved:
        return []
    with transaction.atomic():
        Participant.objects.filter(user=user, conversation_id__in=[cid for cid, _ in moved]).update(
            last_delivered_id=Subquery(newest)
        )
        transaction.on_commit(lambda: _announce_delivered(user.pk, moved))
    return moved


def _announce_delivered(user_id, moved):
    for conversation_id, up_to in moved:
        events.publish_state("delivered", conversation_id, user_id, up_to)
