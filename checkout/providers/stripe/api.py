"""Stripe's API client, configured from settings at each call, and its errors in our terms."""

import logging
from functools import lru_cache

import stripe
from django.conf import settings

from checkout.errors import ProviderUnavailable

logger = logging.getLogger(__name__)


def client():
    """A StripeClient for the current settings (tests change them between calls)."""
    return _client(
        getattr(settings, "STRIPE_SECRET_KEY", ""),
        getattr(settings, "STRIPE_API_BASE", "") or "",
        float(getattr(settings, "CHECKOUT_HTTP_TIMEOUT", 10)),
        int(getattr(settings, "STRIPE_MAX_NETWORK_RETRIES", 1)),
    )


@lru_cache(maxsize=4)
def _client(api_key, api_base, timeout, retries):
    # Cached per configuration so connections to Stripe are reused; the requests-based
    # HTTP client keeps one session per thread, so sharing it between threads is safe.
    return stripe.StripeClient(
        api_key,
        base_addresses={"api": api_base} if api_base else None,
        max_network_retries=retries,
        http_client=stripe.RequestsClient(timeout=timeout),
    )


def unavailable(action, error):
    """The ProviderUnavailable to raise for a Stripe error the caller has no answer for."""
    # A wrong key or a forbidden call will not heal by retrying: somebody must look.
    ours = isinstance(error, stripe.AuthenticationError | stripe.PermissionError)
    log = logger.error if ours else logger.warning
    log("Stripe %s failed: %s: %s", action, error.__class__.__name__, error)
    return ProviderUnavailable(f"Stripe {action}: {error.__class__.__name__}")
