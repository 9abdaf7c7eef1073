"""Bookings on the support panel: the appointments a person booked as a client, and
cancelling one for them (registered with accounts.support from BookingConfig.ready)."""

import uuid

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.support import registry
from checkout.money import format_xaf

from . import changes, notices, selectors
from .errors import BookingError
from .models import Booking


def _find(person, target_id):
    try:
        reference = uuid.UUID(str(target_id))
    except ValueError:
        return None
    return (
        Booking.objects.select_related("service", "professional")
        .filter(client=person, reference=reference)
        .first()
    )


def _describe(booking, data):
    return _("%(service)s with %(professional)s, %(when)s") % {
        "service": booking.service.name,
        "professional": booking.professional.title,
        "when": notices.when(booking),
    }


def _consequence(booking, data):
    if booking.status not in (Booking.Status.HELD, Booking.Status.CONFIRMED):
        raise registry.ActionRefused(_("This booking can no longer be cancelled."))
    paid = changes.paid_deposit_xaf(booking)
    if not paid:
        return _("Both sides are told; nothing was paid, so nothing is refunded.")
    return _("Both sides are told and the whole deposit, %(amount)s, is refunded.") % {
        "amount": format_xaf(paid)
    }


def _cancel(*, person, target, reason, by, data):
    try:
        changes.cancel_by_academy(booking=target)
    except BookingError as error:
        raise registry.ActionRefused(error.message) from error
    return _("The booking is cancelled.")


def _load(person):
    now = timezone.now()
    found = selectors.bookings_of_client(person, now=now)
    bookings = found["upcoming"] + found["past"]
    for booking in bookings:
        booking.cancellable = booking.status in (Booking.Status.HELD, Booking.Status.CONFIRMED)
    return {"bookings": bookings}


def register():
    registry.register_section(
        registry.Section(
            key="bookings",
            label=gettext_lazy("Bookings"),
            template="booking/support/section.html",
            load=_load,
            order=40,
        )
    )
    registry.register_action(
        registry.Action(
            key="cancel_booking",
            label=gettext_lazy("Cancel the booking"),
            find=_find,
            describe=_describe,
            consequence=_consequence,
            perform=_cancel,
        )
    )
