"""A deposit refund whose task was lost (delay() failed after the commit, a worker died
on the way) is asked for again by the sweep, never paid twice, and after a bounded
number of tries handed to the moderators instead of waiting in silence."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from booking import changes
from booking.models import Booking
from booking.tasks import requeue_stuck_refunds
from checkout.models import Order, Refund
from notifications.models import Notification

from .conftest import confirmed_booking

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.timedelta(minutes=settings.BOOKING_REFUND_STUCK_MINUTES + 5)


def cancelled_with_lost_refund_task(site, capture):
    """The professional cancels; the refund task queued after the commit never runs."""
    booking = confirmed_booking(site)
    with capture(execute=False):
        changes.cancel_by_professional(booking=booking, user=booking.professional.user)
    Booking.objects.filter(pk=booking.pk).update(cancelled_at=timezone.now() - LONG_AGO)
    booking.refresh_from_db()
    assert booking.refund_due_xaf == 2000 and booking.refund_claimed_at is None
    return booking


def sweep(capture):
    with capture(execute=True):
        return requeue_stuck_refunds()


def test_a_refund_whose_task_was_lost_is_made_by_the_sweep(
    booking_site, django_capture_on_commit_callbacks
):
    booking = cancelled_with_lost_refund_task(booking_site, django_capture_on_commit_callbacks)

    assert sweep(django_capture_on_commit_callbacks) == {"requeued": 1, "flagged": 0}
    assert sweep(django_capture_on_commit_callbacks) == {"requeued": 0, "flagged": 0}

    booking.refresh_from_db()
    refund = Refund.objects.get(payment__order_id=booking.order_id)
    assert (refund.status, refund.amount_xaf) == (Refund.Status.DONE, 2000)
    assert booking.refunded_at is not None and booking.refund_requeues == 1


def test_a_fresh_refund_is_left_to_its_own_task(booking_site, django_capture_on_commit_callbacks):
    booking = cancelled_with_lost_refund_task(booking_site, django_capture_on_commit_callbacks)
    Booking.objects.filter(pk=booking.pk).update(cancelled_at=timezone.now())

    assert sweep(django_capture_on_commit_callbacks) == {"requeued": 0, "flagged": 0}
    assert not Refund.objects.exists()


def test_a_worker_that_died_after_the_refund_was_made_does_not_pay_twice(
    booking_site, django_capture_on_commit_callbacks
):
    booking = confirmed_booking(booking_site)
    with django_capture_on_commit_callbacks(execute=True):
        changes.cancel_by_professional(booking=booking, user=booking.professional.user)
    # As if the worker died right after checkout took the refund.
    Booking.objects.filter(pk=booking.pk).update(
        refunded_at=None, refund_claimed_at=timezone.now() - LONG_AGO
    )

    assert sweep(django_capture_on_commit_callbacks) == {"requeued": 1, "flagged": 0}

    booking.refresh_from_db()
    assert booking.refunded_at is not None
    assert Refund.objects.filter(payment__order_id=booking.order_id).count() == 1


def test_after_the_last_try_the_moderators_are_told_once(
    booking_site, moderator, student, django_capture_on_commit_callbacks
):
    booking = cancelled_with_lost_refund_task(booking_site, django_capture_on_commit_callbacks)
    Booking.objects.filter(pk=booking.pk).update(
        refund_requeues=settings.BOOKING_REFUND_MAX_REQUEUES
    )

    assert sweep(django_capture_on_commit_callbacks) == {"requeued": 0, "flagged": 1}
    assert sweep(django_capture_on_commit_callbacks) == {"requeued": 0, "flagged": 0}

    booking.refresh_from_db()
    order = Order.objects.get(pk=booking.order_id)
    assert booking.refund_flagged_at is not None and booking.refunded_at is None
    assert order.needs_review and str(booking.reference) in order.review_reason
    notices = Notification.objects.filter(kind="booking_deposit_refund_stuck")
    assert list(notices.values_list("user", flat=True)) == [moderator.pk]
    assert not Refund.objects.exists()
