"""Money is whole francs CFA (XAF): integers only, never floats."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import get_language

from .errors import ProviderUnavailable

CURRENCY = "XAF"
NO_BREAK_SPACE = "\u00a0"
# The payee's share of a sale when a fulfiller's offer does not say otherwise.
DEFAULT_PAYEE_PERCENT = 70


def format_xaf(amount, language=None):
    """'5 000 FCFA' in French, 'FCFA 5,000' in English (spaces that never break)."""
    language = (language or get_language() or "fr")[:2]
    grouped = f"{int(amount):,}"
    if language == "en":
        return f"FCFA{NO_BREAK_SPACE}{grouped}"
    return f"{grouped.replace(',', NO_BREAK_SPACE)}{NO_BREAK_SPACE}FCFA"


def percent_of(amount, percent):
    """Integer share, rounded down (the remainder stays with the platform)."""
    return int(amount) * int(percent) // 100


def whole_xaf(value, *, provider_label):
    """A provider's amount ("5000", 5000, "5000.00") as whole francs, None when it says
    none; ProviderUnavailable when it is not a number."""
    if value in (None, ""):
        return None
    try:
        return int(Decimal(str(value)))
    except (InvalidOperation, ValueError) as error:
        raise ProviderUnavailable(f"{provider_label} amount is not a number: {value!r}") from error
