"""A deposit refund the provider will not make is never given up in silence: it waits
for staff in the refund queue, and the moderators are told (checkout's refund path)."""

import datetime

from booking.models import Booking
from checkout.errors import RefundRefused
from checkout.models import Order, Refund
from checkout.providers.sandbox import SandboxProvider
from notifications.models import Notification

from .conftest import confirmed_booking, login


def test_a_deposit_refund_the_provider_refuses_waits_for_staff(
    client, booking_site, moderator, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(self, payment, amount_xaf, *, reference):
        raise RefundRefused("Refus du prestataire.")

    monkeypatch.setattr(SandboxProvider, "refund", refuse)
    booking = confirmed_booking(booking_site)
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=booking.starts_at + datetime.timedelta(days=3),
        ends_at=booking.ends_at + datetime.timedelta(days=3),
    )
    login(client, "cliente@example.cm")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/bookings/{booking.reference}/cancel/")

    booking.refresh_from_db()
    order = Order.objects.get(pk=booking.order_id)
    refund = Refund.objects.get(payment__order=order)
    assert booking.status == Booking.Status.CANCELLED and booking.refunded_at is not None
    assert (refund.status, refund.amount_xaf) == (Refund.Status.WAITING_FOR_STAFF, 2000)
    assert refund.staff_reason == "Refus du prestataire."
    assert order.status == Order.Status.PAID and order.needs_review
    assert Notification.objects.filter(user=moderator, kind="refund_waiting_for_staff").exists()
