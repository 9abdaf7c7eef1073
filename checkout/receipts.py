"""Receipts by e-mail and SMS, in the buyer's language. Sent once per order."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from notifications.services import Message, notify

from .models import Order, Refund
from .money import format_xaf
from .notification_kinds import PAYMENT_RECEIVED, REFUND_SENT
from .selectors import order_title


def send_receipt_messages(order):
    # Claim the receipt: a second delivery of the task sends nothing.
    claimed = Order.objects.filter(pk=order.pk, receipt_sent_at__isnull=True).update(
        receipt_sent_at=timezone.now()
    )
    if not claimed:
        return
    notify(order.user, PAYMENT_RECEIVED, message=lambda: _receipt(order))


def resend_receipt(*, order):
    """Send the receipt of a paid order again (support: "I never got it"), whatever
    was sent before."""
    if order.paid_at is None:
        raise ValueError("Only a paid order has a receipt.")
    notify(order.user, PAYMENT_RECEIVED, message=lambda: _receipt(order))


def _receipt(order):
    user = order.user
    amount = format_xaf(order.amount_xaf, get_language())
    values = {"name": user, "amount": amount, "item": order_title(order), "number": order.number}
    return Message(
        subject=_("Receipt %(number)s — Beauty Skills Academy") % values,
        text=_(
            "Hello %(name)s,\n\nWe received your payment of %(amount)s for “%(item)s”.\n"
            "Order number: %(number)s.\n\nThank you!\n"
        )
        % values,
        sms=_("Beauty Skills Academy: payment of %(amount)s received (%(number)s).") % values,
        url=reverse("orders:my_orders"),
    )


def send_refund_messages(order, refund_id):
    refund = Refund.objects.filter(pk=refund_id).first()
    if refund is None:
        return
    notify(order.user, REFUND_SENT, message=lambda: _refund(order, refund))


def _refund(order, refund):
    values = {
        "name": order.user,
        "amount": format_xaf(refund.amount_xaf, get_language()),
        "item": order_title(order),
        "number": order.number,
    }
    return Message(
        subject=_("Refund for %(number)s") % values,
        text=_("Hello %(name)s,\n\nWe refunded %(amount)s for “%(item)s”.\n") % values,
        url=reverse("orders:my_orders"),
    )
