"""Refunds that always settle: done by the provider, done by hand, or waiting for staff.
MTN and Orange over real HTTP against the fake mobile-money server (fake_mobile_money)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from checkout import refunds, tasks
from checkout.errors import RefundError
from checkout.models import LedgerLine, LedgerTransaction, Order, Refund
from checkout.providers import base, get_provider
from notifications.models import Notification

from . import fake_mobile_money as fake

pytestmark = pytest.mark.django_db

MTN_PHONE = "+237677123456"
ORANGE_PHONE = "+237699123456"
REFUND = "/disbursement/v1_0/refund"
REFUND_STATUS = "/disbursement/v1_0/refund/"


def state(order):
    """What a refund changes: checked unchanged after each refused one."""
    order.refresh_from_db()
    return {
        "order": (order.status, order.refunded_xaf),
        "ledger": LedgerTransaction.objects.count(),
        "lines": LedgerLine.objects.count(),
        "settled": Refund.objects.filter(status__in=Refund.SETTLED).count(),
    }


def refund_lines(order):
    return LedgerTransaction.objects.filter(order=order, kind="refund").count()


def due_now(refund):
    """The back-off has passed: the next status check is due."""
    Refund.objects.filter(pk=refund.pk).update(next_poll_at=timezone.now() - timedelta(seconds=1))


def run_beat(capture):
    with capture(execute=True):
        return tasks.check_pending_refunds.delay().get()


# --- MTN: pending until MTN says final, one reference, paid once -----------------------


def test_a_status_check_failing_right_after_mtn_took_the_refund_leaves_it_pending(
    paid_by, mobile_money, orders_moderator, recording_fulfiller, django_capture_on_commit_callbacks
):
    payment = paid_by("mtn_momo", MTN_PHONE)
    order = payment.order
    before = state(order)
    mobile_money.fault(fake.SERVER_ERROR, REFUND_STATUS)

    refund = refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="Cours annulé", requested_by=orders_moderator
    )

    assert refund.status == Refund.Status.PENDING and refund.next_poll_at
    assert state(order) == before and not recording_fulfiller.refunded
    mobile_money.clear_faults()
    due_now(refund)
    assert run_beat(django_capture_on_commit_callbacks) == 1

    refund.refresh_from_db()
    order.refresh_from_db()
    assert refund.status == Refund.Status.DONE and refund.settled_at
    assert (order.status, order.refunded_xaf) == (Order.Status.REFUNDED, 5000)
    assert refund_lines(order) == 1 and recording_fulfiller.refunded == [(order.pk, 5000)]
    assert len(mobile_money.disbursements()) == 1


def test_a_lost_answer_then_a_retry_pays_once_under_one_reference(
    paid_by, mobile_money, orders_moderator, recording_fulfiller, django_capture_on_commit_callbacks
):
    payment = paid_by("mtn_momo", MTN_PHONE)
    order = payment.order
    mobile_money.fault(fake.LOST_ANSWER, REFUND)

    refund = refunds.refund_payment(
        payment=payment, amount_xaf=2000, reason="Geste", requested_by=orders_moderator
    )

    # MTN made it, we could not know: pending, nothing booked yet.
    assert refund.status == Refund.Status.PENDING
    assert len(mobile_money.disbursements()) == 1 and refund_lines(order) == 0
    mobile_money.clear_faults()

    # The same request again (a retry) gets 409 from MTN, then asks that reference's status.
    again = get_provider("mtn_momo").refund(payment, 2000, reference=refund.reference)
    posts = mobile_money.requests_to("POST", REFUND)
    assert [p.headers["X-Reference-Id"] for p in posts] == [str(refund.reference)] * 2
    assert again.status == base.REFUND_DONE

    due_now(refund)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.check_refund.delay(refund.pk)
    refund.refresh_from_db()
    order.refresh_from_db()
    assert refund.status == Refund.Status.DONE
    assert (order.status, order.refunded_xaf) == (Order.Status.PARTLY_REFUNDED, 2000)
    assert len(mobile_money.disbursements()) == 1 and refund_lines(order) == 1


def test_a_refund_request_that_never_reached_mtn_is_sent_again_under_its_reference(
    paid_by, mobile_money, orders_moderator, django_capture_on_commit_callbacks
):
    payment = paid_by("mtn_momo", MTN_PHONE)
    mobile_money.fault(fake.SERVER_ERROR, REFUND)

    refund = refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="Cours annulé", requested_by=orders_moderator
    )
    assert refund.status == Refund.Status.PENDING and not mobile_money.mtn_refunds
    mobile_money.clear_faults()
    due_now(refund)
    run_beat(django_capture_on_commit_callbacks)

    refund.refresh_from_db()
    assert refund.status == Refund.Status.DONE
    assert list(mobile_money.mtn_refunds) == [str(refund.reference)]
    assert len(mobile_money.disbursements()) == 1


def test_a_refund_mtn_settles_later_is_polled_until_done(
    paid_by, mobile_money, orders_moderator, django_capture_on_commit_callbacks
):
    payment = paid_by("mtn_momo", MTN_PHONE)
    mobile_money.refund_outcome = "PENDING"
    refund = refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="Cours annulé", requested_by=orders_moderator
    )
    assert refund.status == Refund.Status.PENDING

    # Not due yet: the beat leaves it alone.
    assert run_beat(django_capture_on_commit_callbacks) == 0
    due_now(refund)
    run_beat(django_capture_on_commit_callbacks)
    refund.refresh_from_db()
    assert (refund.status, refund.poll_count) == (Refund.Status.PENDING, 1)
    assert refund.next_poll_at > timezone.now()

    mobile_money.mtn_refunds[str(refund.reference)]["status"] = "SUCCESSFUL"
    due_now(refund)
    run_beat(django_capture_on_commit_callbacks)
    refund.refresh_from_db()
    assert refund.status == Refund.Status.DONE


def test_a_refund_mtn_fails_later_waits_for_staff_who_are_told(
    paid_by, mobile_money, orders_moderator, django_capture_on_commit_callbacks
):
    payment = paid_by("mtn_momo", MTN_PHONE)
    order = payment.order
    mobile_money.refund_outcome = "PENDING"
    refund = refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="Cours annulé", requested_by=orders_moderator
    )
    before = state(order)
    first_reference = refund.reference
    mobile_money.mtn_refunds[str(refund.reference)]["status"] = "FAILED"
    due_now(refund)
    run_beat(django_capture_on_commit_callbacks)

    refund.refresh_from_db()
    assert refund.status == Refund.Status.WAITING_FOR_STAFF
    assert "INTERNAL_PROCESSING_ERROR" in refund.staff_reason
    # MTN holds the failed one under the old reference: the next try is a new refund.
    assert refund.reference != first_reference
    assert state(order) == before
    told = Notification.objects.get(user=orders_moderator, kind="refund_waiting_for_staff")
    assert order.number in told.title
    assert any(order.number in message.subject for message in mail.outbox)


def test_a_refund_mtn_never_settles_is_handed_to_staff(
    paid_by, mobile_money, orders_moderator, django_capture_on_commit_callbacks
):
    payment = paid_by("mtn_momo", MTN_PHONE)
    mobile_money.refund_outcome = "PENDING"
    refund = refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="Cours annulé", requested_by=orders_moderator
    )
    Refund.objects.filter(pk=refund.pk).update(poll_count=refunds.MAX_POLLS)
    due_now(refund)
    run_beat(django_capture_on_commit_callbacks)

    refund.refresh_from_db()
    assert refund.status == Refund.Status.WAITING_FOR_STAFF
    assert refund.waiting_since and str(refunds.MAX_POLLS) in refund.staff_reason


# --- Orange: no refund API, so staff, then a refund by hand ---------------------------


def test_an_orange_refund_waits_for_staff_and_the_moderators_are_told(
    paid_by, orders_moderator, django_capture_on_commit_callbacks
):
    payment = paid_by("orange_money", ORANGE_PHONE)
    order = payment.order
    before = state(order)

    with django_capture_on_commit_callbacks(execute=True):
        refund = refunds.refund_payment(
            payment=payment, amount_xaf=5000, reason="Cours annulé", requested_by=orders_moderator
        )

    assert refund.status == Refund.Status.WAITING_FOR_STAFF
    assert "Orange Money" in refund.staff_reason
    assert state(order) == before
    order.refresh_from_db()
    assert order.needs_review
    told = Notification.objects.get(user=orders_moderator, kind="refund_waiting_for_staff")
    assert told.url == "/admin/refunds/"
    [sent] = [m for m in mail.outbox if order.number in m.subject]
    assert sent.to == [orders_moderator.email]


def test_an_automatic_refund_the_provider_refuses_waits_for_staff(paid_by):
    payment = paid_by("orange_money", ORANGE_PHONE)

    refund = refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="booking X: cancelled", requested_by=None
    )

    assert refund.status == Refund.Status.WAITING_FOR_STAFF


def test_a_refund_by_hand_settles_like_a_provider_refund(
    paid_by,
    orders_moderator,
    recording_fulfiller,
    mobile_money_buyer,
    django_capture_on_commit_callbacks,
):
    payment = paid_by("orange_money", ORANGE_PHONE)
    order = payment.order
    refund = refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="Cours annulé", requested_by=orders_moderator
    )

    with django_capture_on_commit_callbacks(execute=True):
        refunds.record_hand_refund(
            refund=refund,
            hand_reference=" MP2512.0001.A1 ",
            note="Depuis le portail",
            by=orders_moderator,
        )

    refund.refresh_from_db()
    order.refresh_from_db()
    assert refund.status == Refund.Status.DONE_BY_HAND
    assert (refund.hand_reference, refund.done_by) == ("MP2512.0001.A1", orders_moderator)
    assert refund.settled_at
    assert (order.status, order.refunded_xaf) == (Order.Status.REFUNDED, 5000)
    assert recording_fulfiller.refunded == [(order.pk, 5000)]
    lines = LedgerLine.objects.filter(transaction__refund=refund)
    assert sum(line.amount_xaf for line in lines) == 0
    assert lines.get(account="provider_clearing").amount_xaf == -5000
    assert Notification.objects.filter(user=mobile_money_buyer, kind="refund_sent").count() == 1


# --- The amount bound: pending refunds count as used ------------------------------------


def test_two_pending_refunds_cannot_add_up_to_more_than_was_paid(
    paid_by, mobile_money, orders_moderator
):
    payment = paid_by("mtn_momo", MTN_PHONE)
    order = payment.order
    mobile_money.refund_outcome = "PENDING"
    first = refunds.refund_payment(
        payment=payment, amount_xaf=3000, reason="Une partie", requested_by=orders_moderator
    )
    before = state(order)
    assert first.status == Refund.Status.PENDING

    with pytest.raises(RefundError) as refused:
        refunds.refund_payment(
            payment=payment, amount_xaf=3000, reason="Encore", requested_by=orders_moderator
        )

    assert "2000" in refused.value.message
    assert state(order) == before and Refund.objects.count() == 1
    assert len(mobile_money.requests_to("POST", REFUND)) == 1


def test_a_refund_whose_worker_died_before_asking_is_taken_up_by_the_beat(
    paid_by, mobile_money, django_capture_on_commit_callbacks
):
    payment = paid_by("mtn_momo", MTN_PHONE)
    refund = Refund.objects.create(
        payment=payment, provider="mtn_momo", amount_xaf=5000, reason="x", requested_by=None
    )
    assert run_beat(django_capture_on_commit_callbacks) == 0  # just made: left alone
    Refund.objects.filter(pk=refund.pk).update(created_at=timezone.now() - timedelta(minutes=11))

    assert run_beat(django_capture_on_commit_callbacks) == 1

    refund.refresh_from_db()
    assert refund.status == Refund.Status.DONE
    assert list(mobile_money.mtn_refunds) == [str(refund.reference)]
