"""Payment by code: no API at all. The student sends the money by USSD to the academy's
merchant number and types the operator's transaction id; staff or an operator statement
confirm it (checkout.manual_codes). Offered when CHECKOUT_MANUAL_CODES is on, as a
choice of its own and as the way out when a provider's API is down."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from checkout.errors import InvalidNotification, RefundRefused
from checkout.models import ManualPayment, Payment
from checkout.money import CURRENCY

from . import base


def code_lifetime():
    return timedelta(hours=getattr(settings, "CHECKOUT_MANUAL_CODE_HOURS", 24))


class ManualCodeProvider(base.Provider):
    name = "manual"
    needs_phone = False
    # Money paid by hand goes back by hand: staff send it and record the transfer.
    refunds_by_api = False

    def start(self, payment):
        manual = ManualPayment.objects.create(
            payment=payment, order=payment.order, expires_at=timezone.now() + code_lifetime()
        )
        # The code lives longer than a phone prompt, and nothing is polled: staff decide.
        Payment.objects.filter(pk=payment.pk).update(
            expires_at=manual.expires_at, next_poll_at=None
        )
        return base.StartResult(provider_reference=manual.code, raw={"code": manual.code})

    def poll(self, payment):
        manual = ManualPayment.objects.get(payment=payment)
        status = {
            ManualPayment.State.CONFIRMED: base.PAID,
            ManualPayment.State.REJECTED: base.FAILED,
        }.get(manual.state, base.PENDING)
        return base.StatusResult(
            status=status,
            provider_reference=manual.code,
            amount_xaf=payment.amount_xaf,
            currency=CURRENCY,
            reason=manual.reject_reason if status == base.FAILED else "",
        )

    def parse_webhook(self, request):
        raise InvalidNotification("Payments by code have no notifications")

    def refund(self, payment, amount_xaf, *, reference):
        raise RefundRefused("Payments by code are refunded by hand.")
