"""Reads about conversations, for views, sockets and tasks."""

from django.contrib.auth import get_user_model
from django.db.models import F, Prefetch, Sum
from django.utils.translation import gettext as _

from core.roles import is_moderator

from . import contexts, voice
from .errors import NotAllowed
from .models import Block, Conversation, Message, Participant, Report
from .permissions import check_may_write

PAGE_SIZE = 30
UPDATES_LIMIT = 50


def is_participant(user_id, conversation_id):
    """Whether the person has a seat (and has not left) in the conversation."""
    return Participant.objects.filter(
        user_id=user_id, conversation_id=conversation_id, left_at__isnull=True
    ).exists()


def participant_ids(conversation_id):
    """The ids of the people still in the conversation."""
    return set(
        Participant.objects.filter(
            conversation_id=conversation_id, left_at__isnull=True
        ).values_list("user_id", flat=True)
    )


def person_to_write(user_id):
    """The active person with this id (None for a forged, missing or closed account):
    whom a first message may go to, before the rules say whether it may."""
    if user_id is None:
        return None
    return get_user_model().objects.filter(pk=user_id, is_active=True).first()


def display_name(user):
    return user.get_full_name() or _("A member")


def _with_people(seats):
    people = Participant.objects.filter(left_at__isnull=True).select_related("user")
    return seats.select_related(
        "conversation", "conversation__last_message", "conversation__last_message__sender"
    ).prefetch_related(Prefetch("conversation__participants", queryset=people, to_attr="seats"))


def seat_for(user, conversation_id):
    """The person's seat in the conversation (with the conversation and everyone in
    it), or None: nobody reads a conversation they are not in."""
    return (
        _with_people(Participant.objects.filter(user=user, left_at__isnull=True))
        .filter(conversation_id=conversation_id)
        .first()
    )


def conversation_rows(user):
    """The person's conversations, newest first, each with its last message and the
    other people: the same few queries for 10 or 1,000 conversations."""
    return _with_people(Participant.objects.filter(user=user, left_at__isnull=True)).order_by(
        F("conversation__last_message_at").desc(nulls_last=True), "-conversation_id"
    )


def others_in(seat):
    """The other people of a conversation, from a seat read by seat_for/conversation_rows."""
    return [other.user for other in seat.conversation.seats if other.user_id != seat.user_id]


def the_other(seat):
    """The one other person of a two-person conversation (from a seat read by
    seat_for), or None in a group or when she is alone: whom a block is about."""
    others = others_in(seat)
    if seat.conversation.is_group or len(others) != 1:
        return None
    return others[0]


def has_blocked(user, other):
    """Whether `user` blocked `other` (she may unblock her)."""
    return Block.objects.filter(blocker=user, blocked=other).exists()


def refusal_to_write(seat, user):
    """Why `user` can't write here now ("" when she can): a block, or the context."""
    conversation = seat.conversation
    others = others_in(seat)
    if conversation.is_group:
        return ""
    if not others:
        return _("You can't write to this person yet.")
    try:
        check_may_write(
            user=user,
            other=others[0],
            context_kind=conversation.context_kind,
            context_id=conversation.context_id,
            existing=True,
        )
    except NotAllowed as error:
        return error.message
    return ""


def unread_total(user):
    """Unread messages over all the person's conversations: one query."""
    return (
        Participant.objects.filter(user=user, left_at__isnull=True).aggregate(
            total=Sum("unread_count")
        )["total"]
        or 0
    )


def messages_before(conversation_id, *, before=None, size=PAGE_SIZE):
    """Up to `size` messages older than id `before` (the newest when None), oldest
    first, and the id to ask for the page before them (None at the start)."""
    messages = Message.objects.filter(conversation_id=conversation_id).select_related(
        "sender", "conversation"
    )
    if before is not None:
        messages = messages.filter(pk__lt=before)
    page = list(messages.order_by("-pk")[: size + 1])
    older = page[size - 1].pk if len(page) > size else None
    return list(reversed(page[:size])), older


def messages_newest_first(conversation_id):
    """A conversation's messages, newest first, with their senders (the API pages them
    by cursor)."""
    return (
        Message.objects.filter(conversation_id=conversation_id)
        .select_related("sender")
        .order_by("-pk")
    )


def may_open_attachment(user, message):
    """Participants open attachments of messages nobody hid; a moderator opens the
    attachment of a message someone reported."""
    if is_moderator(user) and Report.objects.filter(message=message).exists():
        return True
    return message.hidden_at is None and is_participant(user.pk, message.conversation_id)


ATTACHMENT_CONTENT_TYPES = {
    Message.Kind.PHOTO: "image/webp",
    Message.Kind.VOICE: voice.OUTPUT_CONTENT_TYPE,
}


def attachment_content_type(message):
    """Photos are kept as WebP, voice notes as Opus in Ogg once transcoded."""
    return ATTACHMENT_CONTENT_TYPES.get(message.kind)


def voice_not_ready(message):
    """Why a voice note can't be played yet ("" when it can, or for a photo)."""
    if message.kind != Message.Kind.VOICE or message.voice_state == Message.VoiceState.READY:
        return ""
    if message.voice_state == Message.VoiceState.FAILED:
        return _("This voice note could not be prepared.")
    return _("This voice note is still being prepared. Try again in a moment.")


def tick_state(message_id, marks):
    """ "read", "delivered" or "sent" for one's own message, from the others' marks
    [(delivered up to, read up to)]: read when everybody read it."""
    if marks and all(read >= message_id for _delivered, read in marks):
        return "read"
    if marks and all(delivered >= message_id for delivered, _read in marks):
        return "delivered"
    return "sent"


def marks_of_others(seat):
    """{user id: (delivered up to, read up to)} of the other people in the conversation."""
    return {
        other.user_id: (other.last_delivered_id, other.last_read_id)
        for other in seat.conversation.seats
        if other.user_id != seat.user_id
    }


def messages_after(user, after, *, limit=UPDATES_LIMIT):
    """New messages in any of the person's conversations since message id `after`."""
    return list(
        Message.objects.filter(
            pk__gt=after,
            conversation__participants__user=user,
            conversation__participants__left_at__isnull=True,
        )
        .select_related("sender", "conversation")
        .order_by("pk")[:limit]
    )


def about(conversation):
    """(title, url) of what the conversation is about, or ("", "")."""
    return about_object(conversation.context_kind, conversation.context_id)


def about_object(context_kind, context_id):
    context = contexts.get(context_kind)
    if context is None or not context_id:
        return "", ""
    try:
        return context.title(context_id), context.url(context_id)
    except (LookupError, ValueError):  # the object is gone
        return "", ""


def existing_conversation(user, other, context_kind, context_id):
    """The two-person conversation already started, or None."""
    return Conversation.objects.filter(
        context_kind=context_kind,
        context_id=str(context_id),
        pair_key=Conversation.pair_key_for(user.pk, other.pk),
    ).first()


def latest_message_id(user):
    """The newest message id across the person's conversations (where polling starts)."""
    return (
        Participant.objects.filter(user=user, left_at__isnull=True)
        .order_by("-conversation__last_message_id")
        .values_list("conversation__last_message_id", flat=True)
        .first()
        or 0
    )


def reports_about(user, *, limit=30):
    """Reports on messages `user` sent, newest first (support: "reports about them")."""
    return list(
        Report.objects.filter(message__sender=user)
        .select_related("message", "reporter")
        .order_by("-created_at", "-pk")[:limit]
    )


def reports_waiting():
    return Report.objects.filter(outcome=Report.Outcome.OPEN)
