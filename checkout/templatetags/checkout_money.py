"""Amounts in templates, written the way checkout.money writes them."""

from django import template

from ..money import format_xaf

register = template.Library()


@register.filter
def fcfa(amount):
    """5000 -> "5 000 FCFA" in French, "FCFA 5,000" in English."""
    return format_xaf(amount or 0)
