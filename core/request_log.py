"""Request ids and log hygiene: every log line of a request carries its id (taken
from the load balancer's X-Request-ID or made here), and no line carries an e-mail
address, a phone number or a secret token from a URL."""

import logging
import re
import uuid
from contextvars import ContextVar

current_request_id = ContextVar("request_id", default="-")

_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = current_request_id.get()
        return True


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d ]{7,}\d")
# Password-reset keys, e-mail confirmation keys and signed tokens travel in paths.
_URL_SECRET = re.compile(r"(/(?:key|confirm-email|token)/)[^/\s\"']+")
REDACTED = "[redacted]"


def redact(text):
    text = _URL_SECRET.sub(r"\1" + REDACTED, text)
    text = _EMAIL.sub(REDACTED, text)
    return _PHONE.sub(REDACTED, text)


class RedactPersonalDataFilter(logging.Filter):
    """Formats the message once, then strips personal data and URL secrets from it."""

    def filter(self, record):
        record.msg = redact(record.getMessage())
        record.args = None
        return True
