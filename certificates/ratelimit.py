"""A per-address budget of verification look-ups, kept in the shared cache (Redis in
production), so certificate IDs cannot be enumerated through the public pages
(settings CERTIFICATE_VERIFY_*). The address is core.client_address.client_ip's."""

import time

from django.conf import settings
from django_ratelimit.core import is_ratelimited

from core.client_address import client_ip


def spend_lookup(request):
    """Count one look-up for this client; False when its budget for the window is spent."""
    rate = (
        f"{settings.CERTIFICATE_VERIFY_MAX_LOOKUPS}/{settings.CERTIFICATE_VERIFY_WINDOW_SECONDS}s"
    )
    limited = is_ratelimited(
        request,
        group="certificates.verify",
        key=lambda group, request: client_ip(request),
        rate=rate,
        increment=True,
    )
    return not limited


def retry_after_seconds():
    window = settings.CERTIFICATE_VERIFY_WINDOW_SECONDS
    return int(window - time.time() % window) + 1
