"""Who calls the API: the session token of allauth's headless mode, nothing home-made."""

from allauth.headless.contrib.rest_framework.authentication import XSessionTokenAuthentication
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.exceptions import AuthenticationFailed


class SessionTokenAuthentication(XSessionTokenAuthentication):
    """allauth's X-Session-Token; a token that is sent but no longer valid (signed out,
    expired, made up) is refused instead of silently read as anonymous, so an app knows
    to sign in again."""

    def authenticate(self, request):
        token = self.get_session_token(request)
        if not token:
            return None
        answer = super().authenticate(request)
        if answer is None:
            raise AuthenticationFailed(_("This session token is not valid: sign in again."))
        return answer

    def authenticate_header(self, request):
        # A 401 must name a scheme (RFC 9110); this one is allauth's header.
        return "X-Session-Token"


class SessionTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.SessionTokenAuthentication"
    name = "sessionToken"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "X-Session-Token"}
