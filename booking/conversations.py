"""Messaging context "booking": the client and the professional of a booking may write
to each other about it (the id is the booking's)."""

from django.db.models import Q
from django.urls import reverse

from messaging import contexts

from .models import Booking
from .notices import when


def may_write(user, object_id, other):
    booking_id = contexts.object_pk(object_id)
    if booking_id is None or user.pk == other.pk:
        return False
    return Booking.objects.filter(
        Q(client=user, professional__user=other) | Q(client=other, professional__user=user),
        pk=booking_id,
    ).exists()


def _booking(object_id):
    booking = (
        Booking.objects.select_related("service")
        .filter(pk=contexts.object_pk(object_id) or 0)
        .first()
    )
    if booking is None:
        raise LookupError(object_id)
    return booking


def title(object_id):
    booking = _booking(object_id)
    return f"{booking.service.name} · {when(booking)}"


def url(object_id):
    return reverse("booking:detail", args=[_booking(object_id).reference])


def register():
    contexts.register(
        contexts.ConversationContext(kind="booking", may_write=may_write, title=title, url=url)
    )
