"""Per-address request budgets, and the translated answers for "too many requests" and
"locked out" (django-ratelimit and django-axes call these by their dotted path)."""

from django.conf import settings
from django.shortcuts import render
from django_ratelimit import ALL as ALL_METHODS
from django_ratelimit.decorators import ratelimit


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


def rate_limit(setting_name, *, key="ip", methods=ALL_METHODS, group=None):
    """Limit a view per client address to the rate in ``settings.<setting_name>``
    (read per request, so tests and environments can change it). Over the limit,
    RatelimitMiddleware answers with ``rate_limited``. Views given the same ``group``
    share one budget."""

    def rate(group, request):
        return getattr(settings, setting_name)

    return ratelimit(group=group, key=key, rate=rate, method=methods, block=True)
