"""Checkout's jobs, enqueued after commit when its services announce a change."""

from django.db import transaction
from django.dispatch import receiver

from . import tasks
from .signals import (
    manual_claim_made,
    manual_claim_rejected,
    order_fulfilled,
    paid_twice,
    refund_done,
    refund_waiting,
)


@receiver(order_fulfilled, dispatch_uid="checkout.send_receipt")
def send_receipt(sender, order_id, **kwargs):
    transaction.on_commit(lambda: tasks.send_receipt.delay(order_id))


@receiver(paid_twice, dispatch_uid="checkout.refund_duplicate_payment")
def refund_duplicate_payment(sender, payment_id, **kwargs):
    transaction.on_commit(lambda: tasks.refund_duplicate_payment.delay(payment_id))


@receiver(refund_done, dispatch_uid="checkout.send_refund_notice")
def send_refund_notice(sender, order_id, refund_id, **kwargs):
    transaction.on_commit(lambda: tasks.send_refund_notice.delay(order_id, refund_id))


@receiver(refund_waiting, dispatch_uid="checkout.tell_moderators_refund_waits")
def tell_moderators_refund_waits(sender, refund_id, **kwargs):
    transaction.on_commit(lambda: tasks.tell_moderators_refund_waits.delay(refund_id))


@receiver(manual_claim_made, dispatch_uid="checkout.tell_moderators_claim_waits")
def tell_moderators_claim_waits(sender, manual_id, **kwargs):
    transaction.on_commit(lambda: tasks.tell_moderators_claim_waits.delay(manual_id))


@receiver(manual_claim_rejected, dispatch_uid="checkout.tell_student_claim_rejected")
def tell_student_claim_rejected(sender, manual_id, **kwargs):
    transaction.on_commit(lambda: tasks.tell_student_claim_rejected.delay(manual_id))
