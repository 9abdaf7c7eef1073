"""The SMS sandbox for `make run`: SMS go to files under settings.SMS_SANDBOX_DIR
(var/sms/) instead of phones, and moderators read them in the Wagtail admin ("Sandbox
SMS"). No account, no network; the same E.164 check as the real gateways."""

import json
import uuid
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .sms import SentSMS, SMSBackend

# The admin page shows this many, newest first.
SHOWN = 50


class FileSMSBackend(SMSBackend):
    name = "sandbox"

    def deliver(self, to, text):
        folder = Path(settings.SMS_SANDBOX_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        sent_at = timezone.now()
        message_id = uuid.uuid4().hex
        record = {"id": message_id, "to": to, "text": text, "sent_at": sent_at.isoformat()}
        # The time first in the name, so names sort in sending order.
        name = f"{sent_at:%Y%m%dT%H%M%S%f}-{message_id}.json"
        (folder / name).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        return SentSMS(self.name, message_id)


DOTTED_PATH = f"{FileSMSBackend.__module__}.{FileSMSBackend.__name__}"


def is_active():
    return DOTTED_PATH == settings.SMS_BACKEND


def latest(limit=SHOWN):
    """The newest sandbox SMS, as dicts (id, to, text, sent_at); unreadable files skipped."""
    folder = Path(settings.SMS_SANDBOX_DIR)
    if not folder.is_dir():
        return []
    messages = []
    for path in sorted(folder.glob("*.json"), reverse=True)[:limit]:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(record, dict):
            messages.append(record)
    return messages
