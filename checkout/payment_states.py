"""What a payment's state means to the buyer, in one translated sentence and where to
go next: the waiting page, its status poll and the API all say the same."""

from django.utils.translation import gettext as _

from . import manual_codes
from .failures import explain_failure
from .forms import MOBILE_MONEY
from .models import Payment
from .money import format_xaf
from .purchasables import fulfiller_for


def describe(payment):
    """{"status", "message", "next_url"}; next_url is the item's page once paid."""
    order = payment.order
    amount = format_xaf(payment.amount_xaf)
    if payment.status == Payment.Status.PAID:
        message = _("Payment received. Thank you!")
        next_url = fulfiller_for(order.item_type).success_url(order=order)
    elif payment.status == Payment.Status.PENDING:
        if payment.provider in MOBILE_MONEY:
            message = _("Confirm the payment of %(amount)s on your phone.") % {"amount": amount}
        else:
            message = _("Waiting for the card payment of %(amount)s.") % {"amount": amount}
        next_url = ""
    elif payment.status == Payment.Status.EXPIRED:
        message = _("The payment was not confirmed in time. You can try again.")
        next_url = ""
    else:
        message = explain_failure(payment.failure_reason)
        next_url = ""
    return {"status": payment.status, "message": message, "next_url": next_url}


def unavailable_message():
    """What to say when the provider does not answer (ProviderUnavailable)."""
    if manual_codes.enabled():
        # The second route when an operator's API is down: pay by code, by USSD.
        return _(
            "The payment service is not answering. Try again in a minute, "
            "or choose “Pay by code (USSD)”."
        )
    return _("The payment service is not answering. Please try again in a minute.")
