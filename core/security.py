"""Security headers every response needs that Django does not set by itself."""

from csp.middleware import CSPMiddleware
from django.conf import settings
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
        # The policy first: an answer that chose one (the service worker, public
        # images) must not load the session, which would add Vary: Cookie to it.
        if not _chose_a_policy(response) and user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


def _chose_a_policy(response):
    value = response.get("Cache-Control", "").lower()
    return "public" in value or "private" in value
