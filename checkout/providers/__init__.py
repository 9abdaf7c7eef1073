"""Payment provider backends, one package each, all behind providers.base.Provider."""

from django.conf import settings
from django.utils.module_loading import import_string


def get_provider(name):
    """The backend instance for a Payment.Provider value (settings.CHECKOUT_PROVIDERS)."""
    return import_string(settings.CHECKOUT_PROVIDERS[name])()
