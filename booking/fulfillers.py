"""Booking deposits through checkout: the order's price is the deposit fixed when
the slot was held (from the service, never from the request); payment confirms."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from checkout.errors import NotForSale
from checkout.purchasables import Fulfiller, Offer, register
from core.ids import parse_id

from . import notices, services
from .models import Booking
from .page_cache_links import slots_changed


def _booking(item_id):
    return (
        Booking.objects.select_related("service", "professional", "professional__user")
        .filter(pk=parse_id(item_id))
        .first()
    )


@register
class BookingFulfiller(Fulfiller):
    item_type = "booking"

    def offer(self, *, item_id, user):
        booking = _booking(item_id)
        if booking is None or booking.client_id != user.pk:
            raise NotForSale(_("This booking does not exist."))
        if booking.status != Booking.Status.HELD or booking.hold_expires_at <= timezone.now():
            raise NotForSale(_("This slot is no longer held for you. Please choose a time again."))
        return Offer(
            description=notices.deposit_description(booking),
            price_xaf=booking.deposit_xaf,
            payee=booking.professional.user,
            payee_percent=settings.BOOKING_DEPOSIT_PAYEE_PERCENT,
        )

    def is_available(self, *, order):
        # Checkout asks this only for late payments, and on False it just flags the
        # order. Booking decides itself in on_paid: confirm if the slot is still
        # free, else refund automatically and tell the client.
        return Booking.objects.filter(pk=order.item_id).exists()

    def on_paid(self, *, order):
        services.confirm_paid(booking_id=int(order.item_id), order=order)

    def on_refunded(self, *, order, amount_xaf):
        """A moderator's full refund of a booking still on frees its slot."""
        if order.refunded_xaf < order.amount_xaf:
            return
        freed = Booking.objects.filter(
            pk=order.item_id,
            order=order,
            status__in=[Booking.Status.HELD, Booking.Status.CONFIRMED],
        )
        professional_ids = set(freed.values_list("professional_id", flat=True))
        if freed.update(status=Booking.Status.CANCELLED, cancelled_at=timezone.now()):
            for professional_id in professional_ids:
                slots_changed(professional_id)

    def refund_consequence(self, *, order, amount_xaf):
        still_on = Booking.objects.filter(
            pk=parse_id(order.item_id),
            order=order,
            status__in=[Booking.Status.HELD, Booking.Status.CONFIRMED],
        ).exists()
        if not still_on:
            return ""
        if order.refunded_xaf + amount_xaf >= order.amount_xaf:
            return _("A full refund cancels the booking and frees the slot.")
        return _("A partial refund: the booking stays as it is.")

    def success_url(self, *, order):
        booking = _booking(order.item_id)
        return reverse("booking:detail", args=[booking.reference])
