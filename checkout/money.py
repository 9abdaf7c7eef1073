"""Money is whole francs CFA (XAF): integers only, never floats."""

from django.utils.translation import get_language

CURRENCY = "XAF"
NO_BREAK_SPACE = "\u00a0"


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
