"""Sending messages: text, photos and voice notes. Each is checked (who may write,
what it holds, how fast), stored in one transaction with the conversation's last
message and everyone's unread count, and announced after the commit."""

import re
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core import photos
from core.video_processing import upload_path

from . import events, header_count, limits, voice
from .conversations import start_or_get_conversation, sync_group_seats
from .errors import InvalidMessage, NotAllowed
from .models import Conversation, Message, Participant
from .permissions import check_may_write, group_members
from .sanctions import check_not_suspended
from .tasks import transcode_voice_note

MAX_TEXT_LENGTH = 4000
MAX_CAPTION_LENGTH = 1000
CLIENT_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def clean_client_key(value):
    """A key made by the page (a UUID), or "" when it is missing or malformed."""
    value = (value or "").strip()
    return value if CLIENT_KEY.match(value) else ""


def send_text(*, user, conversation, text, client_key=""):
    client_key = clean_client_key(client_key)
    replay = _replayed(user, client_key)
    if replay:
        return replay
    _check_writer(user, conversation)
    text = _clean_text(text, required=True, limit=MAX_TEXT_LENGTH)
    limits.check_links(user, text)
    limits.take_message_slot(user)
    return _store(
        sender=user,
        conversation=conversation,
        kind=Message.Kind.TEXT,
        text=text,
        client_key=client_key,
    )


def start_with_text(*, user, other, context_kind, context_id, text, client_key=""):
    """Writes a first message to `other` about something (a course, a profile, a
    booking), in the conversation already started with her about it or a new one.
    Either both are stored or nothing is: a refused first message leaves no empty
    conversation behind. The messaging page and the API both start conversations here."""
    if other is None or not other.is_active:
        raise NotAllowed(_("You can't write to this person yet."))
    with transaction.atomic():
        conversation = start_or_get_conversation(user, other, context_kind, context_id)
        return send_text(user=user, conversation=conversation, text=text, client_key=client_key)


def send_photo(*, user, conversation, upload, text="", client_key=""):
    """A photo (with an optional caption), re-encoded to WebP: the original is never kept."""
    client_key = clean_client_key(client_key)
    replay = _replayed(user, client_key)
    if replay:
        return replay
    _check_writer(user, conversation)
    text = _clean_text(text, required=False, limit=MAX_CAPTION_LENGTH)
    limits.check_links(user, text)
    limits.take_message_slot(user)
    try:
        photo = photos.to_webp(upload)
    except photos.InvalidPhoto as error:
        raise InvalidMessage(error.message) from error
    return _store(
        sender=user,
        conversation=conversation,
        kind=Message.Kind.PHOTO,
        text=text,
        attachment=photo.file,
        client_key=client_key,
    )


def send_voice(*, user, conversation, upload, client_key=""):
    """A voice note of at most 2 minutes and 5 MB, stored as sent and transcoded to
    Opus by a task after the commit."""
    client_key = clean_client_key(client_key)
    replay = _replayed(user, client_key)
    if replay:
        return replay
    _check_writer(user, conversation)
    if upload.size > voice.MAX_VOICE_BYTES:
        raise InvalidMessage(voice.too_big().message)
    limits.take_message_slot(user)
    try:
        with upload_path(upload) as path:
            seconds = voice.check_upload(path, upload.size)
    except voice.VoiceError as error:
        raise InvalidMessage(error.message) from error
    upload.seek(0)
    suffix = Path(upload.name or "").suffix.lower()[:6] or ".audio"
    message = _store(
        sender=user,
        conversation=conversation,
        kind=Message.Kind.VOICE,
        attachment=upload,
        attachment_name=f"voice-upload{suffix}",
        voice_state=Message.VoiceState.PROCESSING,
        voice_seconds=max(1, round(seconds)),
        client_key=client_key,
    )
    transaction.on_commit(lambda: transcode_voice_note.delay(message.pk))
    return message


def _replayed(user, client_key):
    """The message this key already stored (a double tap, a replayed offline queue)."""
    if not client_key:
        return None
    return Message.objects.filter(sender=user, client_key=client_key).first()


def _check_writer(user, conversation):
    """Raise NotAllowed unless `user` still may write in this conversation."""
    check_not_suspended(user)
    seats = list(
        Participant.objects.filter(conversation=conversation, left_at__isnull=True).select_related(
            "user"
        )
    )
    if conversation.is_group:
        members = group_members(conversation.context_kind, conversation.context_id) or set()
        sync_group_seats(conversation, members)
        if user.pk not in members:
            raise NotAllowed(_("You can't write to this person yet."))
        return
    if user.pk not in {seat.user_id for seat in seats}:
        raise NotAllowed(_("You can't write to this person yet."))
    others = [seat.user for seat in seats if seat.user_id != user.pk]
    if not others:
        raise NotAllowed(_("You can't write to this person yet."))
    check_may_write(
        user=user,
        other=others[0],
        context_kind=conversation.context_kind,
        context_id=conversation.context_id,
        existing=True,
    )


def _clean_text(text, *, required, limit):
    text = (text or "").replace("\r\n", "\n").strip()
    if required and not text:
        raise InvalidMessage(_("Write a message before sending it."))
    if len(text) > limit:
        raise InvalidMessage(
            _(
                "A message can be %(limit)s characters at most; this one has %(length)s. "
                "Shorten it or send it in two parts."
            )
            % {
                "limit": number_format(limit, force_grouping=True),
                "length": number_format(len(text), force_grouping=True),
            }
        )
    return text


def _store(
    *,
    sender,
    conversation,
    kind,
    text="",
    attachment=None,
    attachment_name="",
    voice_state="",
    voice_seconds=None,
    client_key="",
):
    message = Message(
        conversation_id=conversation.pk,
        sender=sender,
        kind=kind,
        text=text,
        voice_state=voice_state,
        voice_seconds=voice_seconds,
        client_key=client_key,
    )
    if attachment is not None:
        message.attachment.save(attachment_name or attachment.name, attachment, save=False)
    try:
        with transaction.atomic():
            message = _save(message, sender)
    except IntegrityError:
        if message.attachment:
            message.attachment.delete(save=False)
        replay = _replayed(sender, client_key)
        if replay is None:
            raise
        return replay
    return message


def _save(message, sender):
    # One writer at a time per conversation keeps last_message and the counts exact.
    conversation = Conversation.objects.select_for_update().get(pk=message.conversation_id)
    message.save()
    conversation.last_message = message
    conversation.last_message_at = message.created_at
    conversation.save(update_fields=["last_message", "last_message_at"])
    seats = Participant.objects.filter(conversation=conversation, left_at__isnull=True)
    header_count.forget(seats.values_list("user_id", flat=True))
    seats.exclude(user=sender).update(unread_count=F("unread_count") + 1)
    had_unread = seats.filter(user=sender, unread_count__gt=0).exists()
    # Writing means having read what came before.
    seats.filter(user=sender).update(
        last_read_id=message.pk, last_delivered_id=message.pk, unread_count=0
    )
    transaction.on_commit(lambda: events.message_sent(message.pk, sender_read=had_unread))
    return message
