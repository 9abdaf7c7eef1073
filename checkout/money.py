"""Money is whole francs CFA (XAF): integers only, never floats."""

from django.utils.formats import number_format
from django.utils.translation import get_language

CURRENCY = "XAF"


def format_xaf(amount, language=None):
    """'5 000 FCFA' in French, 'FCFA 5,000' in English."""
    language = (language or get_language() or "fr")[:2]
    grouped = number_format(int(amount), force_grouping=True, use_l10n=True)
    if language == "en":
        return f"FCFA {int(amount):,}"
    return f"{grouped}\u00a0FCFA"


def percent_of(amount, percent):
    """Integer share, rounded down (the remainder stays with the platform)."""
    return int(amount) * int(percent) // 100
