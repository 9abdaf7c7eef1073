"""API rate limits: per client address and per signed-in person, counted in the shared
cache like the pages' limits (settings API_RATE_PER_*)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from core.client_address import client_ip


class SettingsRateThrottle(SimpleRateThrottle):
    """The rate is read from settings when asked, not when the class is made."""

    setting = ""

    def get_rate(self):
        return getattr(settings, self.setting)


class AddressThrottle(SettingsRateThrottle):
    scope = "address"
    setting = "API_RATE_PER_ADDRESS"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}


class PersonThrottle(SettingsRateThrottle):
    scope = "person"
    setting = "API_RATE_PER_PERSON"

    def get_cache_key(self, request, view):
        if not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
