"""The visitor's address, the one every rate limit and log line counts by."""

from django.conf import settings


def client_ip(request):
    """The visitor's address. Behind ``TRUSTED_PROXY_COUNT`` proxies (nginx, a cloud
    load balancer) it is read from X-Forwarded-For, counting hops from the right so a
    client cannot forge it; otherwise the socket's address."""
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops and forwarded:
        chain = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(chain) >= hops:
            return chain[-hops]
    return request.META.get("REMOTE_ADDR", "")
