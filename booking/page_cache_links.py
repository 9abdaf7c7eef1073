"""Free slots and opening hours feed the directory's searches by day and the hours on a
profile: any change to a booking or a schedule tells the directory (which owns those
cached pages). Saves made anywhere (services, admin) are caught by post_save; deletes,
queryset updates and bulk inserts call ``slots_changed`` where they happen (a
post_delete receiver would stop Django deleting rows without reading them first, and a
time off stored out of range could then not be removed)."""

from django.db.models.signals import post_save

from directory.extensions import schedule_changed

from .models import Booking, Schedule, TimeOff, WeeklyHours


def slots_changed(professional_id):
    schedule_changed(professional_id)


def _booking_changed(sender, instance, **kwargs):
    slots_changed(instance.professional_id)


def _schedule_changed(sender, instance, **kwargs):
    slots_changed(instance.professional_id)


def _schedule_part_changed(sender, instance, **kwargs):
    slots_changed(instance.schedule.professional_id)


def connect():
    post_save.connect(_booking_changed, sender=Booking, dispatch_uid="booking.slots.booking")
    post_save.connect(_schedule_changed, sender=Schedule, dispatch_uid="booking.slots.schedule")
    for model in (WeeklyHours, TimeOff):
        post_save.connect(
            _schedule_part_changed, sender=model, dispatch_uid=f"booking.slots.{model.__name__}"
        )
