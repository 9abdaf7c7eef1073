"""Small helpers of the group templates."""

from zoneinfo import ZoneInfo

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format

from ..selectors import display_name

register = template.Library()
DOUALA = ZoneInfo("Africa/Douala")


@register.filter
def member_name(user):
    """First name and initial, or "Deleted account"."""
    return display_name(user)


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)


@register.filter
def douala_time(moment):
    """A session's day and time as people in Cameroon read it, whatever the server's zone."""
    local = timezone.localtime(moment, DOUALA)
    return format_date(local, get_format("DATE_FORMAT")) + " · " + local.strftime("%H:%M")
