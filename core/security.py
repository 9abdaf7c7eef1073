"""Security headers every response needs that Django does not set by itself."""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


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
# What a view or decorator (@csp_update, @csp_exempt…) may set on its response.
PER_RESPONSE_POLICY = tuple(
    f"_csp_{choice}{suffix}"
    for choice in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)
CSP_SETTINGS = {
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    "ADMIN_CONTENT_SECURITY_POLICY",
    "DEBUG",
}
_plain_headers = {}


@receiver(setting_changed)
def _forget_plain_headers(setting, **kwargs):
    if setting in CSP_SETTINGS:
        _plain_headers.clear()


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp with a second policy: the Wagtail admin gets
    ``ADMIN_CONTENT_SECURITY_POLICY`` (it needs inline styles and scripts the public
    site never uses), everything else ``CONTENT_SECURITY_POLICY``.

    django-csp builds the header string on every answer; most answers (every page-cache
    hit) have no nonce and no policy of their own, so theirs is built once per kind of
    path and reused."""

    def process_response(self, request, response):
        if (
            settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in PER_RESPONSE_POLICY)
        ):
            return super().process_response(request, response)
        for header, value in self._headers_without_nonce(request.path_info).items():
            response.setdefault(header, value)
        # As django-csp does: a nonce asked for after the header went out is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def _headers_without_nonce(self, path):
        kind = (path.startswith(ADMIN_PREFIX), *_excluded_by(path))
        headers = _plain_headers.get(kind)
        if headers is None:
            probe = HttpRequest()
            probe.path = probe.path_info = path
            built = super().process_response(probe, HttpResponse())
            headers = {name: built[name] for name in (HEADER, HEADER_REPORT_ONLY) if name in built}
            _plain_headers[kind] = headers
        return headers

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def _excluded_by(path):
    """Which of the policies' EXCLUDE_URL_PREFIXES this path falls under."""
    return tuple(
        path.startswith(
            tuple((getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES") or ())
        )
        for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
    )


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
        # The policy first: an answer that chose one (the service worker, public
        # images) must not load the session, which would add Vary: Cookie to it.
        if not _chose_a_policy(response) and user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


def _chose_a_policy(response):
    value = response.get("Cache-Control", "").lower()
    return "public" in value or "private" in value
