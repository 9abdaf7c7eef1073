"""Moderators see bookings and edit a professional's rules in the Wagtail admin."""

from booking.models import WeeklyHours

from .conftest import confirmed_booking, login


def test_moderator_reads_bookings_but_cannot_edit_them(client, booking_site, moderator):
    booking = confirmed_booking(booking_site)
    client.force_login(moderator)
    listing = client.get("/admin/booking_bookings/")
    assert listing.status_code == 200
    assert "Awa Tresses" in listing.text
    assert client.get(f"/admin/booking_bookings/{booking.pk}/").status_code == 200
    assert client.get(f"/admin/booking_bookings/edit/{booking.pk}/").status_code == 404


def test_moderator_edits_opening_hours_of_a_professional(client, booking_site, moderator):
    client.force_login(moderator)
    schedule = booking_site["schedule"]
    response = client.get(f"/admin/booking_schedules/edit/{schedule.pk}/")
    assert response.status_code == 200
    assert WeeklyHours.objects.filter(schedule=schedule).count() == 14


def test_a_client_cannot_open_the_booking_admin(client, booking_site):
    login(client, "cliente@example.cm")
    response = client.get("/admin/booking_bookings/")
    assert response.status_code in (302, 403)
