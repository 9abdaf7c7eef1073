"""Days and weeks in Douala time (settings.TIME_ZONE), where streaks and goals count."""

from datetime import datetime, time, timedelta

from django.utils import timezone


def local_day(moment=None):
    """The calendar day in Douala of an aware datetime (now by default)."""
    return timezone.localdate(moment or timezone.now())


def week_of(day):
    """The Monday that opens the ISO week of ``day``."""
    return day - timedelta(days=day.weekday())


def start_of_week(moment=None):
    """Monday 00:00 in Douala of the week holding ``moment``, aware."""
    monday = week_of(local_day(moment))
    return datetime.combine(monday, time.min, tzinfo=timezone.get_current_timezone())
