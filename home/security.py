"""Security pieces every response needs that Django does not set by itself, and the
translated answers for "too many requests" and "locked out"."""

from django.conf import settings
from django.shortcuts import render
from django_ratelimit import ALL as ALL_METHODS
from django_ratelimit.decorators import ratelimit


class PermissionsPolicyMiddleware:
    """Sends Permissions-Policy (Django has no setting for it): the site needs no
    camera, microphone or location, so no page or third-party frame may ask."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


def rate_limited(request, exception=None):
    """django-ratelimit's RATELIMIT_VIEW: a 429 in the visitor's language."""
    return render(request, "429.html", status=429)


def locked_out(request, credentials, *args, **kwargs):
    """django-axes' AXES_LOCKOUT_CALLABLE: too many failed logins for this account here."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "errors/locked_out.html", {"minutes": minutes}, status=429)


def lockout_username(request, credentials):
    """The e-mail a login attempt was for, whichever form sent it (allauth passes
    ``email``, Django's and Wagtail's admin login pass ``username``)."""
    credentials = credentials or {}
    data = getattr(request, "POST", {}) if request is not None else {}
    value = (
        credentials.get("email")
        or credentials.get("username")
        or data.get("login")
        or data.get("username")
        or ""
    )
    return value.strip().lower()


def rate_limit(setting_name, *, key="ip", methods=ALL_METHODS):
    """Limit a view per client address to the rate in ``settings.<setting_name>``
    (read per request, so tests and environments can change it). Over the limit,
    RatelimitMiddleware answers with ``rate_limited``."""

    def rate(group, request):
        return getattr(settings, setting_name)

    return ratelimit(key=key, rate=rate, method=methods, block=True)


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
