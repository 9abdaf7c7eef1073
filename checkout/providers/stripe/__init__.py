"""Card payments through Stripe Checkout (see provider.py for the settings it reads)."""

from .provider import StripeProvider

__all__ = ["StripeProvider"]
