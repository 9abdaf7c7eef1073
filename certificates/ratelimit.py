"""A per-IP budget of verification look-ups in the shared cache, so certificate IDs
cannot be enumerated through the public pages (settings CERTIFICATE_VERIFY_*)."""

import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """REMOTE_ADDR, or the header named by CERTIFICATE_CLIENT_IP_HEADER when a trusted
    proxy in front of the app sets it (X-Forwarded-For from a client cannot be trusted)."""
    header = settings.CERTIFICATE_CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def spend_lookup(request):
    """Count one look-up for this client; False when its budget for the window is spent."""
    window = settings.CERTIFICATE_VERIFY_WINDOW_SECONDS
    key = f"certificates:verify:{client_ip(request)}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= settings.CERTIFICATE_VERIFY_MAX_LOOKUPS


def retry_after_seconds():
    window = settings.CERTIFICATE_VERIFY_WINDOW_SECONDS
    return int(window - time.time() % window) + 1
