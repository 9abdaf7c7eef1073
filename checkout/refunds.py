"""Refunds: a moderator's, all or part of a paid payment, and the automatic one of a
payment that paid for something already paid. The provider is asked first; the ledger,
the order and the item follow only when it accepts."""

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from . import ledger, signals
from .errors import RefundError
from .models import Order, Payment, Refund
from .providers import get_provider
from .purchasables import fulfiller_for
from .review import flag_for_review

logger = logging.getLogger(__name__)


def refund_refusal(*, payment, order, amount_xaf):
    """Why this refund cannot be made (translated), or "" when it can. Checked before
    asking the moderator to confirm, and again under lock when refunding."""
    if payment.status != Payment.Status.PAID or payment.order_id != order.pk:
        return _("Only a paid payment can be refunded.")
    refundable = order.amount_xaf - order.refunded_xaf
    if amount_xaf <= 0 or amount_xaf > refundable:
        return _("You can refund between 1 and %(max)d FCFA.") % {"max": refundable}
    return ""


def refund_payment(*, payment, amount_xaf, reason, requested_by):
    """Refund all or part of a paid payment: provider first, then ledger and access."""
    amount_xaf = int(amount_xaf)
    with transaction.atomic():
        payment = Payment.objects.select_for_update().select_related("order").get(pk=payment.pk)
        order = Order.objects.select_for_update().get(pk=payment.order_id)
        refusal = refund_refusal(payment=payment, order=order, amount_xaf=amount_xaf)
        if refusal:
            raise RefundError(refusal)
        refund = Refund.objects.create(
            payment=payment, amount_xaf=amount_xaf, reason=reason[:255], requested_by=requested_by
        )
    try:
        result = get_provider(payment.provider).refund(payment, amount_xaf)
    except Exception as error:
        Refund.objects.filter(pk=refund.pk).update(status=Refund.Status.FAILED)
        raise RefundError(_("The provider did not accept the refund. Try again later.")) from error
    with transaction.atomic():
        refund, order = _refund_done(refund=refund, payment=payment, result=result)
        order.refunded_xaf += amount_xaf
        fully = order.refunded_xaf >= order.amount_xaf
        order.status = Order.Status.REFUNDED if fully else Order.Status.PARTLY_REFUNDED
        order.save(update_fields=["refunded_xaf", "status"])
        ledger.post_refund(order=order, payment=payment, refund=refund)
        fulfiller_for(order.item_type).on_refunded(order=order, amount_xaf=amount_xaf)
        signals.refund_done.send(sender=Refund, order_id=order.pk, refund_id=refund.pk)
    return refund


def _refund_done(*, refund, payment, result):
    """The provider accepted the refund: record it, with the order locked for the caller."""
    refund = Refund.objects.select_for_update().get(pk=refund.pk)
    order = Order.objects.select_for_update().get(pk=payment.order_id)
    refund.status = Refund.Status.DONE
    refund.provider_reference = result.provider_reference[:128]
    refund.save(update_fields=["status", "provider_reference"])
    return refund, order


def refund_duplicate_payment(*, payment_id):
    """Give back a payment that paid for something already paid. The item stays with
    the person (no on_refunded); an order that was never delivered becomes refunded.
    When the provider cannot refund, the order stays flagged for a refund by hand."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        if (
            payment.status != Payment.Status.PAID
            or payment.refunds.exclude(status=Refund.Status.FAILED).exists()
        ):
            return None
        refund = Refund.objects.create(
            payment=payment,
            amount_xaf=payment.amount_xaf,
            reason="Duplicate payment: refunded automatically",
            requested_by=None,
        )
    try:
        result = get_provider(payment.provider).refund(payment, payment.amount_xaf)
    except Exception as error:
        logger.warning("Automatic refund of payment %s failed: %r", payment.pk, error)
        with transaction.atomic():
            Refund.objects.filter(pk=refund.pk).update(status=Refund.Status.FAILED)
            order = Order.objects.select_for_update().get(pk=payment.order_id)
            flag_for_review(
                order, f"Automatic refund of payment {payment.reference} failed: refund by hand."
            )
        return None
    with transaction.atomic():
        refund, order = _refund_done(refund=refund, payment=payment, result=result)
        ledger.post_refund(order=order, payment=payment, refund=refund)
        if order.status not in (Order.Status.PAID, Order.Status.PARTLY_REFUNDED):
            order.status = Order.Status.REFUNDED
            order.refunded_xaf = min(order.amount_xaf, order.refunded_xaf + refund.amount_xaf)
            order.paid_at = order.paid_at or payment.paid_at
            order.save(update_fields=["status", "refunded_xaf", "paid_at"])
        signals.refund_done.send(sender=Refund, order_id=order.pk, refund_id=refund.pk)
    return refund
