"""SMS backends, chosen by settings.SMS_BACKEND, shaped like Django's e-mail backends."""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# Messages "sent" with the locmem backend, for tests: a list of (to, text).
outbox = []


class ConsoleSMSBackend:
    def send(self, to, text):
        print(f"[SMS to {to}] {text}", flush=True)


class LocmemSMSBackend:
    def send(self, to, text):
        outbox.append((to, text))


def get_sms_backend():
    return import_string(settings.SMS_BACKEND)()
