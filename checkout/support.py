"""Money on the support panel: a person's orders, payments, refunds and subscription;
resending a receipt and refunding; the moderators' counts of refunds waiting and of
payments stuck pending (registered with accounts.support from CheckoutConfig.ready)."""

from datetime import timedelta

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.support import registry

from . import receipts, selectors
from .errors import RefundError
from .models import Order, Payment
from .money import format_xaf
from .refund_queue import refunds_for_staff
from .refunds import refund_payment, refund_refusal, refundable_xaf

# A payment with no answer after this long needs a person to look at it.
PAYMENT_STUCK_AFTER = timedelta(hours=1)


class RefundAmountForm(forms.Form):
    amount_xaf = forms.IntegerField(
        label=gettext_lazy("Amount to refund (FCFA)"),
        min_value=1,
        error_messages={"required": gettext_lazy("Give the amount to refund.")},
    )


def _person_order(person, target_id):
    return Order.objects.filter(user=person, number=target_id).first()


def _paid_order(person, target_id):
    order = _person_order(person, target_id)
    return order if order is not None and order.paid_at is not None else None


def _person_payment(person, target_id):
    if not str(target_id).isdigit():
        return None
    return (
        Payment.objects.select_related("order")
        .filter(pk=int(target_id), order__user=person)
        .first()
    )


def _describe_payment(payment, data):
    return _("Payment %(reference)s (%(provider)s, %(amount)s) for order %(number)s") % {
        "reference": str(payment.reference)[:8],
        "provider": payment.get_provider_display(),
        "amount": format_xaf(payment.amount_xaf),
        "number": payment.order.number,
    }


def _refund_consequence(payment, data):
    amount = data["amount_xaf"]
    refusal = refund_refusal(payment=payment, order=payment.order, amount_xaf=amount)
    if refusal:
        raise registry.ActionRefused(refusal)
    return _(
        "%(amount)s go back to the person through %(provider)s (%(left)s left to refund "
        "on this order before it)."
    ) % {
        "amount": format_xaf(amount),
        "provider": payment.get_provider_display(),
        "left": format_xaf(refundable_xaf(payment.order)),
    }


def _refund(*, person, target, reason, by, data):
    try:
        refund = refund_payment(
            payment=target, amount_xaf=data["amount_xaf"], reason=reason, requested_by=by
        )
    except RefundError as error:
        raise registry.ActionRefused(error.message) from error
    return _("Refund of %(amount)s: %(status)s.") % {
        "amount": format_xaf(refund.amount_xaf),
        "status": refund.get_status_display(),
    }


def _resend_receipt(*, person, target, reason, by, data):
    receipts.resend_receipt(order=target)
    return _("The receipt for %(number)s is on its way to %(person)s.") % {
        "number": target.number,
        "person": person,
    }


def _load(person):
    return {
        "orders": selectors.orders_for_support(user=person),
        "subscriptions": selectors.subscriptions_of(user=person),
        "paid": Payment.Status.PAID,
        "now": timezone.now(),
    }


def register():
    registry.register_section(
        registry.Section(
            key="money",
            label=gettext_lazy("Orders, payments and refunds"),
            template="checkout/support/section.html",
            load=_load,
            order=20,
        )
    )
    registry.register_action(
        registry.Action(
            key="resend_receipt",
            label=gettext_lazy("Resend the receipt"),
            find=_paid_order,
            describe=lambda order, data: (
                _("Receipt for order %(number)s") % {"number": order.number}
            ),
            consequence=lambda order, data: _(
                "The receipt is sent again, by e-mail and as the person's settings say."
            ),
            perform=_resend_receipt,
        )
    )
    registry.register_action(
        registry.Action(
            key="refund",
            label=gettext_lazy("Refund"),
            find=_person_payment,
            describe=_describe_payment,
            consequence=_refund_consequence,
            perform=_refund,
            form_class=RefundAmountForm,
            atomic=False,
        )
    )
    registry.register_counter(
        registry.Counter(
            key="refunds_waiting",
            label=gettext_lazy("Refunds waiting"),
            count=lambda now: refunds_for_staff(now=now).count(),
            url=lambda: reverse("checkout_refund_queue"),
            order=10,
        )
    )
    registry.register_counter(
        registry.Counter(
            key="payments_by_code_waiting",
            label=gettext_lazy("Payments by code to confirm"),
            count=lambda now: selectors.claims_waiting().count(),
            url=lambda: reverse("checkout_manual_claims"),
            order=15,
        )
    )
    registry.register_counter(
        registry.Counter(
            key="payments_stuck",
            label=gettext_lazy("Payments pending for over an hour"),
            count=lambda now: selectors.payments_stuck(
                now=now, older_than=PAYMENT_STUCK_AFTER
            ).count(),
            url=lambda: reverse("checkout_orders:index") + "?status=pending",
            order=20,
        )
    )
