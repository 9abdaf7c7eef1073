"""A booking (with the professional's phone once confirmed) and its calendar file
tell every cache not to keep them."""

import pytest

from .conftest import confirmed_booking, login

pytestmark = pytest.mark.django_db


def cache_directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


def test_a_confirmed_booking_is_not_kept_by_any_cache(client, booking_site):
    booking = confirmed_booking(booking_site)
    login(client, "cliente@example.cm")

    response = client.get(f"/fr/bookings/{booking.reference}/")

    assert response.status_code == 200
    assert "+237699001122" in response.text
    assert {"private", "no-store"} <= cache_directives(response)


def test_a_bookings_calendar_file_is_not_kept_by_any_cache(client, booking_site):
    booking = confirmed_booking(booking_site)
    login(client, "cliente@example.cm")

    response = client.get(f"/en/bookings/{booking.reference}/calendar.ics")

    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_directives(response)
