"""Refunds promised from what the client really paid, the refund policy shown before
paying, and a confirmation step before each change that cannot be undone."""

import datetime

from booking.models import Booking
from checkout import services as checkout_services
from checkout.models import Coupon

from ..checkout.conftest import pay_order
from .conftest import confirmed_booking, free_slot, hold, login, move_to_past

NBSP = "\u00a0"


def confirmed_with_coupon(site, *, percent=20):
    """Deposit 2 000 FCFA, paid 1 600 with a 20 % coupon."""
    Coupon.objects.create(code="DEPOT20", kind=Coupon.Kind.PERCENT, value=percent)
    booking = hold(site)
    order = checkout_services.create_order(
        user=booking.client, item_type="booking", item_id=booking.pk, coupon_code="DEPOT20"
    )
    pay_order(order)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    return booking


def far_enough_for_a_full_refund(booking):
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=booking.starts_at + datetime.timedelta(days=3),
        ends_at=booking.ends_at + datetime.timedelta(days=3),
    )


def test_the_refund_promised_is_what_was_paid_after_a_coupon(client, booking_site):
    booking = confirmed_with_coupon(booking_site)
    far_enough_for_a_full_refund(booking)
    login(client, "cliente@example.cm")
    detail = client.get(f"/fr/bookings/{booking.reference}/")
    assert f"1{NBSP}600{NBSP}FCFA de votre acompte" in detail.text
    assert f"2{NBSP}000{NBSP}FCFA de votre acompte" not in detail.text
    asked = client.get(f"/fr/bookings/{booking.reference}/cancel/")
    assert f"1{NBSP}600{NBSP}FCFA" in asked.text
    done = client.post(f"/fr/bookings/{booking.reference}/cancel/", follow=True)
    assert f"1{NBSP}600{NBSP}FCFA seront remboursés" in done.text
    booking.refresh_from_db()
    assert booking.refund_due_xaf == 1600


def test_a_professional_cancelling_refunds_what_was_paid(client, booking_site):
    booking = confirmed_with_coupon(booking_site)
    login(client, "awa.tresses@example.cm")
    client.post(f"/en/bookings/{booking.reference}/cancel/")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert booking.refund_due_xaf == 1600


def test_cancelling_asks_first_and_says_what_happens_to_the_money(client, booking_site):
    booking = confirmed_booking(booking_site)
    far_enough_for_a_full_refund(booking)
    login(client, "cliente@example.cm")
    detail = client.get(f"/en/bookings/{booking.reference}/")
    assert f'href="/en/bookings/{booking.reference}/cancel/"' in detail.text
    asked = client.get(f"/en/bookings/{booking.reference}/cancel/")
    assert asked.status_code == 200
    assert "Cancel this appointment?" in asked.text
    assert f"Your whole deposit, FCFA{NBSP}2,000, will be refunded." in asked.text
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_cancelling_late_says_nothing_comes_back(client, booking_site):
    booking = confirmed_booking(booking_site)
    soon = booking.starts_at.now(booking.starts_at.tzinfo) + datetime.timedelta(hours=13)
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=soon, ends_at=soon + datetime.timedelta(hours=1)
    )
    login(client, "cliente@example.cm")
    asked = client.get(f"/fr/bookings/{booking.reference}/cancel/")
    assert "ne seront pas remboursés" in asked.text


def test_marking_a_no_show_asks_first_and_says_the_deposit_is_kept(client, booking_site):
    booking = move_to_past(confirmed_booking(booking_site))
    login(client, "awa.tresses@example.cm")
    asked = client.get(f"/fr/bookings/{booking.reference}/no-show/")
    assert asked.status_code == 200
    assert f"2{NBSP}000{NBSP}FCFA n’est pas remboursé" in asked.text
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    client.post(f"/fr/bookings/{booking.reference}/no-show/")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.NO_SHOW


def test_only_the_professional_is_asked_to_mark_an_appointment(client, booking_site):
    booking = move_to_past(confirmed_booking(booking_site))
    login(client, "cliente@example.cm")
    assert client.get(f"/fr/bookings/{booking.reference}/completed/").status_code == 404


def test_the_refund_policy_shows_before_paying(client, booking_site):
    schedule = booking_site["schedule"]
    schedule.late_refund_percent = 50
    schedule.save()
    service = booking_site["service"]
    slots = client.get(f"/en/bookings/service/{service.pk}/")
    assert "Cancel up to 24 h before: full refund of the deposit." in slots.text
    assert "Later: 50 % of the deposit is refunded." in slots.text
    login(client, "cliente@example.cm")
    booking = hold(booking_site, slot=free_slot(service))
    held = client.get(f"/fr/bookings/{booking.reference}/")
    assert f"Annulez jusqu’à 24{NBSP}h avant" in held.text
    assert f"50{NBSP}% de l’acompte" in held.text
