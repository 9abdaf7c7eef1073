"""Background work of messaging: voice notes to Opus. Tasks take ids, reload state and
do nothing when the work is already done."""

import logging
import tempfile
from pathlib import Path

from celery import shared_task
from django.core.files import File
from django.db import transaction

from . import events, voice
from .models import Message

logger = logging.getLogger(__name__)


@shared_task
def transcode_voice_note(message_id):
    message = Message.objects.filter(
        pk=message_id, kind=Message.Kind.VOICE, voice_state=Message.VoiceState.PROCESSING
    ).first()
    if message is None or not message.attachment:
        return "nothing to do"
    upload_name = message.attachment.name
    with tempfile.TemporaryDirectory(prefix="bsa-voice-") as folder:
        source = Path(folder) / ("upload" + Path(upload_name).suffix)
        target = Path(folder) / ("voice" + voice.OUTPUT_SUFFIX)
        with message.attachment.open("rb") as stored, open(source, "wb") as local:
            for chunk in iter(lambda: stored.read(64 * 1024), b""):
                local.write(chunk)
        try:
            voice.transcode(source, target)
            seconds = voice.duration_seconds(target)
        except voice.VoiceError as error:
            logger.info("Voice note %s failed: %s %s", message_id, error.message, error.detail)
            Message.objects.filter(pk=message_id).update(voice_state=Message.VoiceState.FAILED)
            transaction.on_commit(lambda: events.publish_message(message_id))
            return "failed"
        with open(target, "rb") as encoded:
            message.attachment.save(
                f"voice-{message_id}{voice.OUTPUT_SUFFIX}", File(encoded), save=False
            )
    updated = Message.objects.filter(
        pk=message_id, voice_state=Message.VoiceState.PROCESSING
    ).update(
        attachment=message.attachment.name,
        voice_state=Message.VoiceState.READY,
        voice_seconds=max(1, round(seconds)),
    )
    storage = message.attachment.storage
    if not updated:  # another run finished first: keep its file, drop ours
        storage.delete(message.attachment.name)
        return "nothing to do"
    storage.delete(upload_name)  # the sender's original is never served
    transaction.on_commit(lambda: events.publish_message(message_id))
    return "ready"
