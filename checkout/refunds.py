"""Refunds: a moderator's (all or part of a paid payment) and the automatic ones (a
payment for something already paid, a booking deposit, a live session place).

Every refund ends in one of three states, so that nothing is stuck without someone
knowing:
- done by the provider, at once or once a pending refund is polled to its end;
- done by hand: staff sent the money and a moderator records the transfer's reference;
- waiting for staff: in the admin's refund queue, and the moderators are told.
Our reference is made with the Refund row, before any call, and sent on every retry,
so a retry can never pay twice. The ledger, the order and the item follow only a
settled refund, the same way whoever settled it."""

import logging
import uuid
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from . import ledger, signals
from .errors import RefundError, RefundRefused
from .models import Order, Payment, Refund
from .providers import base, get_provider
from .purchasables import fulfiller_for
from .review import flag_for_review

logger = logging.getLogger(__name__)

# Seconds between status checks of a pending refund (the last one repeats), and how many
# checks before one the provider never settles is handed to staff (about a day).
POLL_SCHEDULE = [60, 120, 300, 600, 1800, 3600]
MAX_POLLS = 30
# A refund still "requested" this long after it was made lost its worker on the way.
ABANDONED_AFTER = timedelta(minutes=10)


def refundable_xaf(order):
    """What is left to refund on the order. Refunds not settled yet count as used, so
    two pending refunds can never add up to more than was paid."""
    reserved = (
        Refund.objects.filter(
            payment__order=order, status__in=Refund.OPEN, duplicate=False
        ).aggregate(total=Sum("amount_xaf"))["total"]
        or 0
    )
    return order.amount_xaf - order.refunded_xaf - reserved


def refund_refusal(*, payment, order, amount_xaf):
    """Why this refund cannot be made (translated), or "" when it can. Checked before
    asking the moderator to confirm, and again under lock when refunding."""
    if payment.status != Payment.Status.PAID or payment.order_id != order.pk:
        return _("Only a paid payment can be refunded.")
    refundable = refundable_xaf(order)
    if amount_xaf <= 0 or amount_xaf > refundable:
        return _("You can refund between 1 and %(max)d FCFA.") % {"max": max(refundable, 0)}
    return ""


def refund_payment(*, payment, amount_xaf, reason, requested_by):
    """Refund all or part of a paid payment. The refund comes back done, pending (polled
    until the provider settles it) or waiting for staff. A moderator (requested_by) hears
    at once when the provider refuses: RefundError, and the refund is failed. An
    automatic refund the provider refuses waits for staff instead."""
    amount_xaf = int(amount_xaf)
    with transaction.atomic():
        payment = Payment.objects.select_for_update().select_related("order").get(pk=payment.pk)
        order = Order.objects.select_for_update().get(pk=payment.order_id)
        refusal = refund_refusal(payment=payment, order=order, amount_xaf=amount_xaf)
        if refusal:
            raise RefundError(refusal)
        refund = Refund.objects.create(
            payment=payment,
            provider=payment.provider,
            amount_xaf=amount_xaf,
            reason=reason[:255],
            requested_by=requested_by,
        )
    return _ask_provider(refund, _first_request, refused_fails=requested_by is not None)


def refund_duplicate_payment(*, payment_id):
    """Give back a payment that paid for something already paid. The item stays with
    the person (no on_refunded); an order that was never delivered becomes refunded."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        if (
            payment.status != Payment.Status.PAID
            or payment.refunds.exclude(status=Refund.Status.FAILED).exists()
        ):
            return None
        refund = Refund.objects.create(
            payment=payment,
            provider=payment.provider,
            amount_xaf=payment.amount_xaf,
            reason="Duplicate payment: refunded automatically",
            duplicate=True,
            requested_by=None,
        )
    return _ask_provider(refund, _first_request, refused_fails=False)


def check_refund(*, refund_id):
    """A pending (or abandoned) refund's status check (beat, with back-off): asked under
    its own reference, and sent again under it when the provider never got it."""
    refund = Refund.objects.select_related("payment__order").filter(pk=refund_id).first()
    if refund is None or refund.status not in (Refund.Status.REQUESTED, Refund.Status.PENDING):
        return refund
    return _ask_provider(refund, _status_or_resend, refused_fails=False)


def try_again(*, refund):
    """A moderator asks the provider again about a refund waiting for staff (or pending
    too long), under the same reference: it cannot pay twice."""
    if not _provider_of(refund).refunds_by_api_for(refund.payment):
        raise RefundError(_("This provider has no refund API: record the refund by hand."))
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.status not in (Refund.Status.WAITING_FOR_STAFF, Refund.Status.PENDING):
            raise RefundError(_("This refund is already settled."))
        refund.status, refund.poll_count = Refund.Status.PENDING, 0
        refund.save(update_fields=["status", "poll_count"])
    refund = Refund.objects.select_related("payment__order").get(pk=refund.pk)
    return _ask_provider(refund, _status_or_resend, refused_fails=False)


def record_hand_refund(*, refund, hand_reference, note, by):
    """A moderator sent the money by hand (e.g. from the Orange Money merchant account):
    the refund is settled like a provider's, with the transfer's reference, which is
    required and can be recorded once per provider. The caller checks `by` may refund."""
    hand_reference = (hand_reference or "").strip()
    if not hand_reference:
        raise RefundError(_("Give the transfer's reference."))
    try:
        with transaction.atomic():
            # The order first, then the refund: the order every refund change locks in.
            Order.objects.select_for_update().get(pk=refund.payment.order_id)
            current = Refund.objects.select_for_update().get(pk=refund.pk)
            if current.status != Refund.Status.WAITING_FOR_STAFF:
                raise RefundError(_("This refund is not waiting for staff."))
            taken = Refund.objects.filter(
                provider=current.provider, hand_reference__iexact=hand_reference
            ).exists()
            if taken:
                raise RefundError(_("This transfer reference is already recorded."))
            return _settle(
                current.pk,
                status=Refund.Status.DONE_BY_HAND,
                done_by=by,
                hand_reference=hand_reference[:64],
                hand_note=(note or "")[:255],
            )
    except IntegrityError as error:  # the same reference recorded at the same moment
        raise RefundError(_("This transfer reference is already recorded.")) from error


# --- Asking the provider, and what its answer does ----------------------------------------


def _first_request(provider, payment, refund):
    return provider.refund(payment, refund.amount_xaf, reference=refund.reference)


def _status_or_resend(provider, payment, refund):
    result = provider.refund_status(payment, refund)
    if result.status == base.REFUND_UNKNOWN:
        logger.info("Refund %s never reached the provider: sent again", refund.reference)
        result = provider.refund(payment, refund.amount_xaf, reference=refund.reference)
    return result


def _provider_of(refund):
    return get_provider(refund.payment.provider)


def _ask_provider(refund, ask, *, refused_fails):
    """Ask the provider (`ask`), then record what it said."""
    try:
        provider = _provider_of(refund)
    except KeyError:
        return _wait_for_staff(refund.pk, _("This provider is no longer set up: refund by hand."))
    if not provider.refunds_by_api_for(refund.payment):
        return _wait_for_staff(
            refund.pk,
            _("%(provider)s has no refund API: send the money, then record the transfer.")
            % {"provider": refund.payment.get_provider_display()},
        )
    try:
        result = ask(provider, refund.payment, refund)
    except RefundRefused as error:
        return _refused(refund.pk, error.message, fails=refused_fails)
    except Exception as error:  # noqa: BLE001 (whatever went wrong, the outcome is unknown)
        # The provider may have made it: pending, asked again under the same reference.
        logger.warning("Refund %s: no answer from the provider: %r", refund.reference, error)
        return _keep_pending(refund.pk, provider_reference="")
    if result.status == base.REFUND_DONE:
        return _settle(
            refund.pk, status=Refund.Status.DONE, provider_reference=result.provider_reference
        )
    if result.status == base.REFUND_FAILED:
        message = _("The provider says the refund failed (%(reason)s).") % {
            "reason": result.reason or "?"
        }
        return _refused(refund.pk, message, fails=refused_fails, provider_failed=True)
    return _keep_pending(refund.pk, provider_reference=result.provider_reference)


def _refused(refund_id, message, *, fails, provider_failed=False):
    """A moderator waiting for the answer hears it (the refund fails, nothing else
    changes); an automatic refund waits for staff. After a refund the provider failed,
    the next try is a new refund for it, under a new reference."""
    if fails:
        Refund.objects.filter(pk=refund_id, status__in=Refund.OPEN).update(
            status=Refund.Status.FAILED, staff_reason=message[:255], next_poll_at=None
        )
        raise RefundError(message)
    return _wait_for_staff(refund_id, message, new_reference=provider_failed)


def _keep_pending(refund_id, *, provider_reference):
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund_id)
        if refund.status not in (Refund.Status.REQUESTED, Refund.Status.PENDING):
            return refund
        checks = refund.poll_count
        if checks < MAX_POLLS:
            delay = POLL_SCHEDULE[min(checks, len(POLL_SCHEDULE) - 1)]
            if refund.status == Refund.Status.PENDING:
                refund.poll_count += 1
            refund.status = Refund.Status.PENDING
            refund.next_poll_at = timezone.now() + timedelta(seconds=delay)
            refund.provider_reference = provider_reference[:128] or refund.provider_reference
            refund.save(
                update_fields=["status", "poll_count", "next_poll_at", "provider_reference"]
            )
            return refund
    return _wait_for_staff(
        refund_id,
        _("The provider has not settled this refund after %(count)d checks.") % {"count": checks},
    )


def _wait_for_staff(refund_id, reason, *, new_reference=False):
    """Hand the refund to staff: in the refund queue with its reason, the order flagged
    for review, the moderators told (after commit)."""
    with transaction.atomic():
        order_id = Refund.objects.filter(pk=refund_id).values_list("payment__order_id", flat=True)
        order = Order.objects.select_for_update().get(pk=order_id[0])
        refund = Refund.objects.select_for_update().get(pk=refund_id)
        if refund.status not in (Refund.Status.REQUESTED, Refund.Status.PENDING):
            return refund
        refund.status = Refund.Status.WAITING_FOR_STAFF
        refund.staff_reason = reason[:255]
        refund.waiting_since = timezone.now()
        refund.next_poll_at = None
        fields = ["status", "staff_reason", "waiting_since", "next_poll_at"]
        if new_reference:
            refund.reference = uuid.uuid4()
            fields.append("reference")
        refund.save(update_fields=fields)
        flag_for_review(
            order, f"Refund {refund.reference} waits for staff ({reason}): refund by hand."
        )
        signals.refund_waiting.send(sender=Refund, refund_id=refund.pk)
    return refund


def _settle(refund_id, *, status, **fields):
    """The money went back (provider or hand): the refund is settled and the same
    consequences follow — ledger reversal, order status, the item's on_refunded (not
    for a duplicate payment: the item stays) and the notice to the person. Once."""
    with transaction.atomic():
        order_id = Refund.objects.filter(pk=refund_id).values_list("payment__order_id", flat=True)
        order = Order.objects.select_for_update().get(pk=order_id[0])
        refund = Refund.objects.select_for_update().select_related("payment").get(pk=refund_id)
        if refund.status in Refund.SETTLED or refund.status == Refund.Status.FAILED:
            return refund
        payment = refund.payment
        for name, value in fields.items():
            setattr(refund, name, value[:128] if name == "provider_reference" else value)
        refund.status, refund.settled_at, refund.next_poll_at = status, timezone.now(), None
        refund.save()
        ledger.post_refund(order=order, payment=payment, refund=refund)
        if refund.duplicate:
            if order.status not in (Order.Status.PAID, Order.Status.PARTLY_REFUNDED):
                order.status = Order.Status.REFUNDED
                order.refunded_xaf = min(order.amount_xaf, order.refunded_xaf + refund.amount_xaf)
                order.paid_at = order.paid_at or payment.paid_at
                order.save(update_fields=["status", "refunded_xaf", "paid_at"])
        else:
            order.refunded_xaf += refund.amount_xaf
            fully = order.refunded_xaf >= order.amount_xaf
            order.status = Order.Status.REFUNDED if fully else Order.Status.PARTLY_REFUNDED
            order.save(update_fields=["refunded_xaf", "status"])
            fulfiller_for(order.item_type).on_refunded(order=order, amount_xaf=refund.amount_xaf)
        signals.refund_done.send(sender=Refund, order_id=order.pk, refund_id=refund.pk)
    return refund
