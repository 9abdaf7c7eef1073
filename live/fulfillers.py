"""Selling a place in a paid live session through checkout (found by CheckoutConfig's
autodiscovery of fulfillers.py): the host earns the payee share, as an instructor does
on a course; a paid order gives a place, a full refund takes it back."""

from django.utils import timezone
from django.utils.translation import gettext as _

from checkout.errors import NotForSale
from checkout.purchasables import Fulfiller, Offer, register
from core.ids import parse_id
from course_pages.fulfillers import CourseFulfiller

from . import paid_places, registration, selectors
from .models import LiveSession, Registration


@register
class LiveSessionFulfiller(Fulfiller):
    item_type = "live_session"
    payee_percent = CourseFulfiller.payee_percent

    def offer(self, *, item_id, user):
        session_id = parse_id(item_id)
        session = selectors.session_for(session_id, viewer=user) if session_id else None
        if session is None:
            raise NotForSale(_("This live session does not exist."))
        if session.is_free:
            raise NotForSale(_("This session is free: register from its page."))
        mine = Registration.objects.filter(session=session, user=user).first()
        refusal = (
            registration.eligibility_refusal(user, session)
            or registration.closed_refusal(session, timezone.now())
            or registration.held_refusal(mine)
        )
        if refusal:
            raise NotForSale(refusal)
        if session.taken >= session.capacity:
            raise NotForSale(_("This session is full: there is no place left to pay for."))
        return Offer(
            description=session.title,
            price_xaf=session.price_xaf,
            payee=session.host,
            payee_percent=self.payee_percent,
        )

    def is_available(self, *, order):
        # Checkout asks this only of late payments, and on False keeps the money and
        # flags the order for a refund by hand. on_paid decides instead: a place if one
        # is free, else the money goes back automatically and the buyer is told.
        return LiveSession.objects.filter(pk=parse_id(order.item_id)).exists()

    def on_paid(self, *, order):
        paid_places.place_paid(order=order)

    def on_refunded(self, *, order, amount_xaf):
        if order.refunded_xaf >= order.amount_xaf:
            paid_places.give_up_place(order=order)

    def refund_consequence(self, *, order, amount_xaf):
        if paid_places.place_of(order) is None:
            return ""
        if order.refunded_xaf + amount_xaf >= order.amount_xaf:
            return _("A full refund cancels the person's place in the live session.")
        return _("A partial refund: the person keeps the place in the live session.")

    def titles(self, *, orders):
        """The session's title in the active language (the order keeps the words of
        the day it was made)."""
        ids = {order.pk: parse_id(order.item_id) for order in orders}
        sessions = LiveSession.objects.in_bulk({i for i in ids.values() if i})
        return {
            order.pk: sessions[ids[order.pk]].title
            if ids[order.pk] in sessions
            else order.description
            for order in orders
        }

    def success_url(self, *, order):
        return LiveSession(pk=parse_id(order.item_id)).get_absolute_url()
