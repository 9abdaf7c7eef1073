"""Holds that run out: a slot held for an unpaid deposit goes back after
BOOKING_HOLD_MINUTES. Used by the services and by the beat task alike."""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import Booking
from .page_cache_links import slots_changed


def hold_minutes():
    return datetime.timedelta(minutes=settings.BOOKING_HOLD_MINUTES)


def expire_stale_holds(professional_id, now):
    """Holds past their time give their slot back before anyone else books it (the
    exclusion constraint would otherwise still see them)."""
    if Booking.objects.filter(
        professional_id=professional_id, status=Booking.Status.HELD, hold_expires_at__lte=now
    ).update(status=Booking.Status.EXPIRED):
        slots_changed(professional_id)


def expire_unpaid_holds(*, now=None):
    """Holds past their time free their slot (a late payment may still confirm)."""
    now = now or timezone.now()
    stale = Booking.objects.filter(status=Booking.Status.HELD, hold_expires_at__lte=now)
    professional_ids = set(stale.values_list("professional_id", flat=True))
    expired = stale.update(status=Booking.Status.EXPIRED)
    for professional_id in professional_ids:
        slots_changed(professional_id)
    return expired
