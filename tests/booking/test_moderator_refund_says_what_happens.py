"""Before a moderator refunds a booking deposit, the order page says what happens to
the booking."""

from html import unescape

import pytest

from accounts.models import User
from booking.models import Booking

from .conftest import confirmed_booking

pytestmark = pytest.mark.django_db


def ask_refund(client, booking, amount):
    order = booking.order
    data = {"payment": order.payments.get().pk, "amount_xaf": amount, "reason": "Support"}
    return unescape(client.post(f"/admin/orders/{order.pk}/", data).content.decode())


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(email="root.booking@example.cm", password="x")


def test_a_full_deposit_refund_says_it_cancels_the_booking_and_frees_the_slot(
    client, booking_site, superuser
):
    booking = confirmed_booking(booking_site)
    client.force_login(superuser)

    page = ask_refund(client, booking, 2000)

    assert "Un remboursement total annule la réservation et libère le créneau." in page
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_a_partial_deposit_refund_says_the_booking_stays(client, booking_site, superuser):
    booking = confirmed_booking(booking_site)
    client.force_login(superuser)

    page = ask_refund(client, booking, 500)

    assert "Remboursement partiel\xa0: la réservation reste inchangée." in page
    assert "annule la réservation" not in page
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
