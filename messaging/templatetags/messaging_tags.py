"""The header's unread count and how a message shows its time and length."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format

from messaging import header_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_message_count(context):
    """Unread messages of the signed-in person (kept in the cache); 0 for anyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    cached = getattr(request, "_unread_messages", None)
    if cached is None:
        cached = request._unread_messages = header_count.unread_total(user)
    return cached


@register.filter
def clock(seconds):
    """2:05 for 125 seconds."""
    seconds = int(seconds or 0)
    return f"{seconds // 60}:{seconds % 60:02d}"


@register.filter
def sent_at(moment):
    """The time for today's messages, the day and time for older ones."""
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return date_format(local, "TIME_FORMAT")
    return date_format(local, "SHORT_DATETIME_FORMAT")
