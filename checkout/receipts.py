"""Receipts by e-mail and SMS, in the buyer's language. Sent once per order."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from notifications.services import queue_email, queue_sms

from .models import Order, Refund
from .money import format_xaf
from .selectors import order_title


def send_receipt_messages(order):
    # Claim the receipt: a second delivery of the task sends nothing.
    claimed = Order.objects.filter(pk=order.pk, receipt_sent_at__isnull=True).update(
        receipt_sent_at=timezone.now()
    )
    if not claimed:
        return
    user = order.user
    with override(user.preferred_language):
        amount = format_xaf(order.amount_xaf, user.preferred_language)
        subject = _("Receipt %(number)s — Beauty Skills Academy") % {"number": order.number}
        text = _(
            "Hello %(name)s,\n\nWe received your payment of %(amount)s for “%(item)s”.\n"
            "Order number: %(number)s.\n\nThank you!\n"
        ) % {"name": user, "amount": amount, "item": order_title(order), "number": order.number}
        queue_email(to=user.email, subject=subject, text=text)
        if user.phone:
            queue_sms(
                to=user.phone,
                text=_("Beauty Skills Academy: payment of %(amount)s received (%(number)s).")
                % {"amount": amount, "number": order.number},
            )


def send_refund_messages(order, refund_id):
    refund = Refund.objects.filter(pk=refund_id).first()
    if refund is None:
        return
    user = order.user
    with override(user.preferred_language):
        amount = format_xaf(refund.amount_xaf, user.preferred_language)
        queue_email(
            to=user.email,
            subject=_("Refund for %(number)s") % {"number": order.number},
            text=_("Hello %(name)s,\n\nWe refunded %(amount)s for “%(item)s”.\n")
            % {"name": user, "amount": amount, "item": order_title(order)},
        )
