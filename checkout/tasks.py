"""Checkout jobs: status checks with back-off, expiry, receipts. All idempotent."""

from celery import shared_task
from django.db.models import Q
from django.utils import timezone

from . import ledger, refunds, services, staff_notices
from .models import Order, Payment, Refund
from .receipts import send_receipt_messages, send_refund_messages


@shared_task
def poll_payment(payment_id):
    payment = Payment.objects.filter(pk=payment_id).first()
    if payment is None or payment.status == Payment.Status.PAID:
        return "nothing to do"
    services.poll_payment(payment=payment)
    return payment.status


@shared_task
def poll_pending_payments():
    """Beat: check every payment whose next check is due, then expire the overdue ones.
    Expired payments keep being checked for a while: a late success still fulfils."""
    now = timezone.now()
    due = Payment.objects.filter(
        status__in=[Payment.Status.PENDING, Payment.Status.EXPIRED],
        next_poll_at__lte=now,
        created_at__gte=now - timezone.timedelta(days=1),
    ).values_list("pk", flat=True)[:200]
    for payment_id in due:
        poll_payment.delay(payment_id)
    services.expire_overdue_payments(now=now)
    services.expire_overdue_orders(now=now)
    return len(due)


@shared_task
def send_receipt(order_id):
    order = Order.objects.filter(pk=order_id).first()
    if order is not None:
        send_receipt_messages(order)


@shared_task
def send_refund_notice(order_id, refund_id):
    order = Order.objects.filter(pk=order_id).first()
    if order is not None:
        send_refund_messages(order, refund_id)


@shared_task
def refund_duplicate_payment(payment_id):
    refunds.refund_duplicate_payment(payment_id=payment_id)


@shared_task
def check_refund(refund_id):
    refund = refunds.check_refund(refund_id=refund_id)
    return refund.status if refund else "nothing to do"


@shared_task
def check_pending_refunds():
    """Beat: check every pending refund whose next check is due (back-off in refunds),
    and any refund left "requested" by a worker that died before the provider answered
    (asked under its own reference: it cannot be paid twice)."""
    now = timezone.now()
    due = list(
        Refund.objects.filter(
            Q(status=Refund.Status.PENDING, next_poll_at__lte=now)
            | Q(status=Refund.Status.REQUESTED, created_at__lte=now - refunds.ABANDONED_AFTER)
        ).values_list("pk", flat=True)[:200]
    )
    # Claimed until the check sets the real next one: the next beat does not ask again.
    Refund.objects.filter(pk__in=due).update(
        next_poll_at=now + timezone.timedelta(seconds=refunds.POLL_SCHEDULE[0])
    )
    for refund_id in due:
        check_refund.delay(refund_id)
    return len(due)


@shared_task
def tell_moderators_refund_waits(refund_id):
    return staff_notices.tell_moderators_refund_waits(refund_id)


@shared_task
def check_ledger():
    """Nightly: every transaction sums to 0 and each provider's clearing account holds
    its paid payments minus its settled refunds; the moderators hear of any mismatch."""
    unbalanced = ledger.unbalanced_transactions()
    clearing = ledger.clearing_mismatches()
    staff_notices.tell_moderators_ledger_mismatch(unbalanced=unbalanced, clearing=clearing)
    return {"unbalanced": len(unbalanced), "clearing": len(clearing)}


@shared_task
def tell_moderators_claim_waits(manual_id):
    return staff_notices.tell_moderators_claim_waits(manual_id)


@shared_task
def tell_student_claim_rejected(manual_id):
    return staff_notices.tell_student_claim_rejected(manual_id)
