"""The HTTP plumbing the SMS gateways share: one call that turns "no usable answer"
(timeout, connection error, 5xx, 429) into RetryableSMSError, a 4xx into
PermanentSMSError, and the status-callback address with its secret token."""

import logging

import requests
from django.conf import settings
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from ..sms_errors import InvalidDeliveryReport, PermanentSMSError, RetryableSMSError

logger = logging.getLogger(__name__)

RETRY_STATUSES = {408, 425, 429}


def timeout():
    return float(settings.SMS_HTTP_TIMEOUT)


def request(label, method, url, **kwargs):
    """The provider's answer, or RetryableSMSError when there is none worth reading."""
    try:
        response = requests.request(method, url, timeout=timeout(), **kwargs)
    except requests.RequestException as error:
        raise RetryableSMSError(f"{label} {method} {url}: {error!r}") from error
    if response.status_code >= 500 or response.status_code in RETRY_STATUSES:
        raise RetryableSMSError(f"{label} {method} {url}: HTTP {response.status_code}")
    return response


def refuse(label, response):
    """A 4xx on a send: this SMS will never go, say why (the provider's own words)."""
    # The answer names the recipient: it stays in OutboundMessage.last_error, not the logs.
    logger.warning("%s refused an SMS: HTTP %s", label, response.status_code)
    raise PermanentSMSError(
        f"{label} refused the SMS: HTTP {response.status_code} {response.text[:500]}"
    )


def json_object(label, response):
    try:
        data = response.json()
    except ValueError as error:
        raise RetryableSMSError(f"{label} answered something that is not JSON.") from error
    if not isinstance(data, dict):
        raise RetryableSMSError(f"{label} answered JSON that is not an object.")
    return data


# --- Status callbacks -----------------------------------------------------------------


def status_token(provider):
    """The secret in the callback URL of providers that sign nothing (Orange, Africa's
    Talking): settings.SMS_STATUS_TOKEN, or one derived from SECRET_KEY per provider."""
    if settings.SMS_STATUS_TOKEN:
        return settings.SMS_STATUS_TOKEN
    return salted_hmac("notifications.sms.status", provider).hexdigest()[:32]


def check_status_token(provider, token):
    if not token or not constant_time_compare(token, status_token(provider)):
        raise InvalidDeliveryReport(f"{provider} delivery report: wrong token", forged=True)


def status_url(provider, *, with_token):
    """Where the provider posts delivery reports, or "" when we have no public address."""
    base = settings.SMS_PUBLIC_BASE_URL.rstrip("/")
    if not base:
        return ""
    if with_token:
        path = reverse(
            "notifications:sms_status_token",
            kwargs={"provider": provider, "token": status_token(provider)},
        )
    else:
        path = reverse("notifications:sms_status", kwargs={"provider": provider})
    return base + path
