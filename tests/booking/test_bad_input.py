"""Each refused booking: a clear message in the person's language, and nothing changed."""

import datetime

from django.utils import timezone

from booking.models import Booking
from booking.slots import DOUALA

from .conftest import confirmed_booking, free_slot, hold, login, move_to_past


def post_slot(client, service_id, start, language="fr"):
    return client.post(f"/{language}/bookings/service/{service_id}/", {"start": start})


def next_day_at(hour, minute=0, days=2):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=DOUALA)


def test_a_slot_in_the_past_is_refused(client, booking_site):
    login(client, "cliente@example.cm")
    yesterday = next_day_at(9, days=-1).isoformat()
    response = post_slot(client, booking_site["service"].pk, yesterday)
    assert response.status_code == 400
    assert "Cette heure est déjà passée" in response.text
    assert not Booking.objects.exists()


def test_a_slot_outside_the_opening_hours_is_refused(client, booking_site):
    login(client, "cliente@example.cm")
    response = post_slot(client, booking_site["service"].pk, next_day_at(12, 30).isoformat())
    assert response.status_code == 400
    assert "pas disponible à cette heure" in response.text
    assert not Booking.objects.exists()


def test_a_slot_off_the_grid_is_refused_in_english_too(client, booking_site):
    login(client, "cliente@example.cm")
    response = post_slot(
        client, booking_site["service"].pk, next_day_at(9, 10).isoformat(), language="en"
    )
    assert response.status_code == 400
    assert "The professional is not available at this time" in response.text
    assert not Booking.objects.exists()


def test_a_slot_too_soon_for_the_notice_is_refused(client, booking_site):
    login(client, "cliente@example.cm")
    soon = (timezone.now() + datetime.timedelta(hours=1)).astimezone(DOUALA)
    soon = soon.replace(minute=0, second=0, microsecond=0) + datetime.timedelta(hours=1)
    response = post_slot(client, booking_site["service"].pk, soon.isoformat())
    assert response.status_code == 400
    assert "au moins 12 heures à l" in response.text
    assert not Booking.objects.exists()


def test_a_slot_just_taken_is_refused(client, booking_site):
    slot = free_slot(booking_site["service"])
    taken = hold(booking_site, client=booking_site["other"], slot=slot)
    login(client, "cliente@example.cm")
    response = post_slot(client, booking_site["service"].pk, slot.start.isoformat())
    assert response.status_code == 400
    assert "Choisissez-en un autre" in response.text
    assert list(Booking.objects.values_list("pk", flat=True)) == [taken.pk]


def test_a_slot_inside_the_buffer_of_another_booking_is_taken(client, booking_site):
    slot = free_slot(booking_site["service"])
    hold(booking_site, client=booking_site["other"], slot=slot)
    login(client, "cliente@example.cm")
    # 60 min service + 15 min buffer: starting 60 minutes later is too close.
    response = post_slot(
        client,
        booking_site["service"].pk,
        (slot.start + datetime.timedelta(minutes=60)).isoformat(),
    )
    assert response.status_code == 400
    assert Booking.objects.count() == 1


def test_a_garbled_time_is_refused(client, booking_site):
    login(client, "cliente@example.cm")
    for value in ("demain", "2026-13-45T99:00", "2030-03-02T09:00:00"):
        response = post_slot(client, booking_site["service"].pk, value)
        assert response.status_code == 400
        assert "Choisissez une heure dans la liste" in response.text
    assert not Booking.objects.exists()


def test_a_tampered_service_id_is_refused(client, booking_site):
    login(client, "cliente@example.cm")
    start = free_slot(booking_site["service"]).start.isoformat()
    for service_id in ("999999", "abc", "-1"):
        response = post_slot(client, service_id, start)
        assert response.status_code == 404
        assert "pas disponible à la réservation" in response.text
    assert not Booking.objects.exists()


def test_an_inactive_service_cannot_be_booked(client, booking_site):
    service = booking_site["service"]
    service.is_active = False
    service.save(update_fields=["is_active"])
    response = client.get(f"/fr/bookings/service/{service.pk}/")
    assert response.status_code == 404
    assert "pas disponible à la réservation" in response.text


def test_nobody_can_pay_the_deposit_of_someone_elses_hold(client, booking_site):
    booking = hold(booking_site)
    login(client, "autre.cliente@example.cm")
    response = client.get(f"/fr/checkout/buy/booking/{booking.pk}/")
    assert response.status_code == 409
    assert "existe pas" in response.text


def test_nobody_can_move_someone_elses_booking(client, booking_site):
    booking = confirmed_booking(booking_site)
    before = (booking.starts_at, booking.sequence)
    later = free_slot(booking_site["service"], index=5)
    login(client, "autre.cliente@example.cm")
    response = client.post(
        f"/fr/bookings/{booking.reference}/move/", {"start": later.start.isoformat()}
    )
    assert response.status_code == 403
    assert "pas la vôtre" in response.text
    booking.refresh_from_db()
    assert (booking.starts_at, booking.sequence) == before


def test_nobody_else_sees_or_cancels_a_booking(client, booking_site):
    booking = confirmed_booking(booking_site)
    login(client, "autre.cliente@example.cm")
    assert client.get(f"/fr/bookings/{booking.reference}/").status_code == 404
    assert client.post(f"/fr/bookings/{booking.reference}/cancel/").status_code == 404
    assert client.get(f"/fr/bookings/{booking.reference}/calendar.ics").status_code == 404
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_a_second_review_is_refused(client, booking_site):
    booking = move_to_past(confirmed_booking(booking_site))
    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.COMPLETED)
    login(client, "cliente@example.cm")
    url = f"/fr/bookings/{booking.reference}/review/"
    assert client.post(url, {"rating": "5", "text": "Parfait"}).status_code == 302
    response = client.post(url, {"rating": "1", "text": "Encore"})
    assert response.status_code == 400
    assert "déjà donné votre avis" in response.text
    from directory.models import Review

    assert list(Review.objects.values_list("rating", flat=True)) == [5]


def test_a_review_of_a_booking_not_completed_is_refused(client, booking_site):
    booking = confirmed_booking(booking_site)
    login(client, "cliente@example.cm")
    response = client.post(
        f"/fr/bookings/{booking.reference}/review/", {"rating": "4", "text": "Bien"}
    )
    assert response.status_code == 400
    assert "une fois terminé" in response.text
    from directory.models import Review

    assert not Review.objects.exists()


def test_a_rating_outside_one_to_five_is_refused(client, booking_site):
    booking = move_to_past(confirmed_booking(booking_site))
    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.COMPLETED)
    login(client, "cliente@example.cm")
    for rating in ("0", "6", "x"):
        response = client.post(
            f"/fr/bookings/{booking.reference}/review/", {"rating": rating, "text": ""}
        )
        assert response.status_code == 400
        assert "de 1 à 5" in response.text
    booking.refresh_from_db()
    assert booking.review is None
