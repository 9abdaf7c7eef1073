"""Free slots and opening hours feed the directory's searches by day and the hours on a
profile: any change to a booking or a schedule tells the directory (which owns those
cached pages). Signals catch saves and deletes made anywhere (services, admin);
writes that bypass them (queryset updates, bulk inserts) call ``slots_changed``."""

from django.db.models.signals import post_delete, post_save

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
    for signal in (post_save, post_delete):
        signal.connect(_booking_changed, sender=Booking, dispatch_uid="booking.slots.booking")
        signal.connect(_schedule_changed, sender=Schedule, dispatch_uid="booking.slots.schedule")
        for model in (WeeklyHours, TimeOff):
            signal.connect(
                _schedule_part_changed, sender=model, dispatch_uid=f"booking.slots.{model.__name__}"
            )
