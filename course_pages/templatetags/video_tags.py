"""Lesson video labels: sizes in MB the way phone plans count them, durations as m:ss."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def megabytes(size_in_bytes):
    """'2.1 MB' / '2,1 Mo': decimal megabytes, as operators bill data; never '0.0'."""
    if size_in_bytes is None:
        return ""
    value = max(int(size_in_bytes) / 1_000_000, 0.1)
    return _("%(size)s MB") % {"size": number_format(value, decimal_pos=1)}


@register.filter
def download_size(size_in_bytes):
    """'12 KB' under a megabyte (a text lesson), else as megabytes: decimal units."""
    if size_in_bytes is None:
        return ""
    if size_in_bytes < 1_000_000:
        return _("%(size)s KB") % {"size": max(-(-int(size_in_bytes) // 1000), 1)}
    return megabytes(size_in_bytes)


@register.filter
def video_duration(seconds):
    """'4:05', or '1:02:09' past an hour."""
    if seconds is None:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"
