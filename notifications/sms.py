"""SMS backends, chosen by settings.SMS_BACKEND, shaped like Django's e-mail backends.

Every backend implements ``send(to, text) -> SentSMS``; it raises RetryableSMSError or
PermanentSMSError (notifications.sms_errors). The real providers live in
notifications/sms_gateways/; the console and locmem backends below need no account
(development and tests)."""

import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from .phone_numbers import require_e164

logger = logging.getLogger(__name__)

# Messages "sent" with the locmem backend, for tests: a list of (to, text).
outbox = []


@dataclass(frozen=True)
class SentSMS:
    """The provider took the SMS. ``delivery`` is an OutboundMessage.Delivery value."""

    provider: str
    provider_message_id: str
    delivery: str = "accepted"
    detail: str = ""


@dataclass(frozen=True)
class DeliveryReport:
    """What a provider told us about an SMS it took: found by ``provider_message_id``,
    or by ``recipient`` when the provider names no message (Orange)."""

    delivery: str
    provider_message_id: str = ""
    recipient: str = ""
    detail: str = ""


class SMSBackend:
    """Override ``name`` and ``deliver``; ``send`` checks the number first. Backends with
    delivery reports also override ``delivery_reports`` (see sms_gateways/)."""

    name = ""

    def send(self, to, text):
        return self.deliver(require_e164(to), text)

    def deliver(self, to, text):
        raise NotImplementedError

    def delivery_reports(self, request, *, token=""):
        """The reports in a provider's callback request; InvalidDeliveryReport when it is
        forged or unreadable."""
        raise NotImplementedError


class ConsoleSMSBackend(SMSBackend):
    name = "console"

    def deliver(self, to, text):
        print(f"[SMS to {to}] {text}", flush=True)
        return SentSMS(self.name, f"console-{uuid.uuid4().hex}")


class LocmemSMSBackend(SMSBackend):
    name = "locmem"

    def deliver(self, to, text):
        outbox.append((to, text))
        return SentSMS(self.name, f"locmem-{uuid.uuid4().hex}")


def get_sms_backend():
    return import_string(settings.SMS_BACKEND)()
