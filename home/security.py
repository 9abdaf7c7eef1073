"""Security pieces every response needs that Django does not set by itself, and the
translated answers for "too many requests" and "locked out"."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.shortcuts import render
from django.utils.cache import patch_cache_control
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


ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp with a second policy: the Wagtail admin gets
    ``ADMIN_CONTENT_SECURITY_POLICY`` (it needs inline styles and scripts the public
    site never uses), everything else ``CONTENT_SECURITY_POLICY``."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class PrivateResponseMiddleware:
    """Any page rendered for a signed-in person may hold personal data (account,
    lessons she paid for, orders, receipts, bookings with a phone number,
    certificates): no shared cache or browser history may keep it. Responses that
    chose a policy themselves (public images, a student's own media kept for a day)
    keep it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not _chose_a_policy(response):
            patch_cache_control(response, private=True, no_store=True)
        return response


def _chose_a_policy(response):
    value = response.get("Cache-Control", "").lower()
    return "public" in value or "private" in value


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
