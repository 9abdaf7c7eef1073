"""Twilio Programmable Messaging (https://www.twilio.com/docs/messaging/api/message-resource).

- Send: POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json, HTTP Basic
  (Account SID, auth token), form To/From/Body and StatusCallback; 201 with JSON
  ``sid`` and ``status`` (queued, accepted…). A 4xx carries Twilio's ``code`` (21211:
  invalid To number; 21610: the recipient replied STOP).
- Delivery reports: Twilio POSTs the form MessageSid + MessageStatus (queued, sent,
  delivered, undelivered, failed…) to StatusCallback, signed in X-Twilio-Signature:
  base64(HMAC-SHA1(auth token, the full URL + every parameter name and value, sorted
  by name)). Requests whose signature does not match are refused.

Settings: TWILIO_BASE_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER,
SMS_PUBLIC_BASE_URL (for StatusCallback), SMS_HTTP_TIMEOUT.
"""

import base64
import hashlib
import hmac

from django.conf import settings

from ..models import OutboundMessage
from ..sms import DeliveryReport, SentSMS, SMSBackend
from ..sms_errors import InvalidDeliveryReport, PermanentSMSError
from . import http

LABEL = "Twilio"
Delivery = OutboundMessage.Delivery
STATES = {
    "accepted": Delivery.ACCEPTED,
    "scheduled": Delivery.ACCEPTED,
    "queued": Delivery.ACCEPTED,
    "sending": Delivery.SENT,
    "sent": Delivery.SENT,
    "delivered": Delivery.DELIVERED,
    "read": Delivery.DELIVERED,
    "undelivered": Delivery.UNDELIVERED,
    "failed": Delivery.UNDELIVERED,
    "canceled": Delivery.UNDELIVERED,
}


class TwilioSMSBackend(SMSBackend):
    name = "twilio"

    def __init__(self):
        self.base_url = settings.TWILIO_BASE_URL.rstrip("/")
        self.account_sid = settings.TWILIO_ACCOUNT_SID
        self.auth_token = settings.TWILIO_AUTH_TOKEN
        self.from_number = settings.TWILIO_FROM_NUMBER

    def deliver(self, to, text):
        if not (self.account_sid and self.auth_token and self.from_number):
            raise PermanentSMSError("Twilio is not configured (TWILIO_* settings).")
        form = {"To": to, "From": self.from_number, "Body": text}
        callback = http.status_url(self.name, with_token=False)
        if callback:
            form["StatusCallback"] = callback
        url = f"{self.base_url}/2010-04-01/Accounts/{self.account_sid}/Messages.json"
        response = http.request(
            LABEL, "POST", url, data=form, auth=(self.account_sid, self.auth_token)
        )
        if response.status_code not in (200, 201):
            http.refuse(LABEL, response)
        data = http.json_object(LABEL, response)
        sid = data.get("sid")
        if not sid:
            raise PermanentSMSError("Twilio's answer names no message sid.")
        status = str(data.get("status", ""))
        return SentSMS(self.name, str(sid), STATES.get(status, Delivery.ACCEPTED), status)

    def delivery_reports(self, request, *, token=""):
        if not self.auth_token:
            raise InvalidDeliveryReport("Twilio is not configured", forged=True)
        given = request.headers.get("X-Twilio-Signature", "")
        url = public_url(request)
        if not hmac.compare_digest(given, signature(self.auth_token, url, request.POST)):
            raise InvalidDeliveryReport("Twilio delivery report: bad signature", forged=True)
        sid = request.POST.get("MessageSid", "")
        status = request.POST.get("MessageStatus", "")
        if not sid or status not in STATES:
            raise InvalidDeliveryReport(f"Twilio delivery report: {sid!r} {status!r}")
        detail = status
        if request.POST.get("ErrorCode"):
            detail = f"{status} (error {request.POST['ErrorCode']})"
        return [DeliveryReport(STATES[status], provider_message_id=sid, detail=detail)]


def signature(auth_token, url, params):
    """Twilio's request signature: the URL, then each parameter name + value in name
    order (a name sent twice contributes each of its values, sorted, as Twilio's own
    RequestValidator does), HMAC-SHA1, base64. ``params``: a QueryDict or a dict."""
    payload = url
    for name in sorted(set(params.keys())):
        values = params.getlist(name) if hasattr(params, "getlist") else [params[name]]
        for value in sorted(set(values)):
            payload += name + value
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def public_url(request):
    """The URL Twilio called: behind our proxy the request may look like http://app:8000,
    so the public origin comes from SMS_PUBLIC_BASE_URL when set."""
    base = settings.SMS_PUBLIC_BASE_URL.rstrip("/")
    if base:
        return base + request.get_full_path()
    return request.build_absolute_uri()
