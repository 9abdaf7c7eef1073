"""The client's list of bookings, and the deposit order that follows a moved
appointment."""

from django.utils import translation

from booking import notices
from booking.models import Booking
from checkout.models import Order

from .conftest import confirmed_booking, free_slot, login, move_to_past


def test_my_bookings_are_grouped_into_coming_up_and_past(client, booking_site):
    past = move_to_past(confirmed_booking(booking_site))
    coming = confirmed_booking(booking_site, slot=free_slot(booking_site["service"], index=4))
    login(client, "cliente@example.cm")
    page = client.get("/en/bookings/").text
    coming_at = page.index(f"/en/bookings/{coming.reference}/")
    past_at = page.index(f"/en/bookings/{past.reference}/")
    assert page.index("Coming up") < coming_at < page.index("<h2>Past</h2>") < past_at


def test_a_cancelled_booking_has_its_own_colour(client, booking_site):
    booking = confirmed_booking(booking_site)
    login(client, "cliente@example.cm")
    client.post(f"/fr/bookings/{booking.reference}/cancel/")
    page = client.get("/fr/bookings/").text
    assert 'class="badge status-cancelled">Annulée<' in page
    assert "booking/booking.css" in page


def test_french_booking_states_agree_with_the_booking(client, booking_site):
    booking = confirmed_booking(booking_site)
    login(client, "cliente@example.cm")
    assert ">Confirmée<" in client.get(f"/fr/bookings/{booking.reference}/").text


def test_the_deposit_order_title_follows_a_moved_appointment(client, booking_site):
    booking = confirmed_booking(booking_site)
    later = free_slot(booking_site["service"], index=6)
    login(client, "cliente@example.cm")
    client.post(f"/fr/bookings/{booking.reference}/move/", {"start": later.start.isoformat()})
    booking = Booking.objects.select_related("service", "professional").get(pk=booking.pk)
    assert booking.starts_at == later.start
    title = Order.objects.get(pk=booking.order_id).description
    with translation.override("fr"):
        assert notices.when(booking) in title
