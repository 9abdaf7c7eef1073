"""What can be bought. Each app that sells something registers a fulfiller for its
item type in its fulfillers.py (loaded by CheckoutConfig.ready); checkout calls it and
knows nothing else about the item."""

from dataclasses import dataclass

from .money import DEFAULT_PAYEE_PERCENT


@dataclass(frozen=True)
class Offer:
    """What a fulfiller says an item costs and who earns the payee share."""

    description: str
    price_xaf: int
    payee: object = None  # a User, or None when the academy keeps everything
    payee_percent: int = DEFAULT_PAYEE_PERCENT  # fixed on the order when it is made


class Fulfiller:
    """Override these for an item type. Every method must be idempotent."""

    item_type = ""

    def offer(self, *, item_id, user):
        """The Offer for this item and buyer; raise checkout.errors.NotForSale if none."""
        raise NotImplementedError

    def is_available(self, *, order):
        """False when the item can no longer be delivered (e.g. a booking slot taken)."""
        return True

    def on_paid(self, *, order):
        """Deliver the item (enrol, confirm...)."""
        raise NotImplementedError

    def on_refunded(self, *, order, amount_xaf):
        """Take access back after a full refund (partial refunds may keep it)."""

    def refund_consequence(self, *, order, amount_xaf):
        """One translated sentence telling the moderator what refunding amount_xaf
        (on top of what is already refunded) does to the item; "" when nothing."""
        return ""

    def success_url(self, *, order):
        return "/"

    def titles(self, *, orders):
        """{order.pk: what the order is for} in the active language. Override when the
        item has translations (the order keeps the words of the day it was made); a
        fixed number of queries for any number of orders."""
        return {order.pk: order.description for order in orders}


_registry = {}


def register(fulfiller):
    """Register a Fulfiller subclass (usable as a class decorator) or instance."""
    instance = fulfiller() if isinstance(fulfiller, type) else fulfiller
    _registry[instance.item_type] = instance
    return fulfiller


def fulfiller_for(item_type):
    return _registry[item_type]
