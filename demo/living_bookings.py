"""Demo appointments that happened: the client holds a slot, pays the deposit through
the sandbox, the appointment passes, the professional marks it completed and the client
reviews it."""

import datetime

from django.db.models import F
from django.utils import timezone

from booking.changes import mark_completed, write_review
from booking.models import Booking
from booking.selectors import free_slots_for
from booking.services import hold_slot
from booking.slots import DOUALA
from checkout.models import Order, Payment

from .living_payments import pay


def completed_and_reviewed(*, client, professional, phone, days_ago, rating, text):
    service = professional.services.filter(is_active=True).order_by("pk").first()
    slot = free_slots_for(service=service)[0]
    booking = hold_slot(client=client, service_id=service.pk, starts_at=slot.start)
    pay(user=client, item_type="booking", item_id=booking.pk, phone=phone)
    booking = _time_passes(Booking.objects.get(pk=booking.pk), days_ago=days_ago)
    booking = mark_completed(booking=booking, user=professional.user)
    write_review(booking=booking, user=client, rating=rating, text=text)
    return Booking.objects.get(pk=booking.pk)


def _time_passes(booking, *, days_ago):
    """The demo's one shortcut: the booking, its deposit order and payment move back in
    time together, so the appointment is over. Messages count as sent back then: the
    demo shows no old e-mails."""
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    while day.weekday() == 6:  # the demo professionals close on Sundays
        day -= datetime.timedelta(days=1)
    start = datetime.datetime.combine(
        day, booking.starts_at.astimezone(DOUALA).time(), tzinfo=DOUALA
    )
    back = booking.starts_at - start
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=F("starts_at") - back,
        ends_at=F("ends_at") - back,
        hold_expires_at=F("hold_expires_at") - back,
        confirmed_at=F("confirmed_at") - back,
        created_at=F("created_at") - back,
        confirmation_sent_at=F("confirmed_at") - back,
        reminded_at=start - datetime.timedelta(hours=20),
    )
    Order.objects.filter(pk=booking.order_id).update(
        created_at=F("created_at") - back,
        paid_at=F("paid_at") - back,
        expires_at=F("expires_at") - back,
        receipt_sent_at=F("paid_at") - back,
    )
    Payment.objects.filter(order_id=booking.order_id).update(
        created_at=F("created_at") - back,
        paid_at=F("paid_at") - back,
        expires_at=F("expires_at") - back,
    )
    return Booking.objects.get(pk=booking.pk)
