"""Dates far in the past or the future, asked in a URL, typed in a form or already
stored: a clear translated answer or a sane clamp, never a server error."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from booking import selectors
from booking.models import Booking, TimeOff, WeeklyHours

from .conftest import login

FAR_DAYS = ["9999-12-31", "0001-01-01"]


def write_time_off_by_hand(schedule, *, starts, ends):
    """A row as a manual fix or an old bug could leave it: no form, no model check."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO booking_timeoff (schedule_id, starts_at, ends_at, reason) "
            "VALUES (%s, %s, %s, '')",
            [schedule.pk, starts, ends],
        )


@pytest.mark.parametrize("day", FAR_DAYS)
def test_the_slots_page_of_a_far_day_shows_no_free_time(client, booking_site, day):
    response = client.get(f"/fr/bookings/service/{booking_site['service'].pk}/?from={day}")
    assert response.status_code == 200


def test_a_day_after_every_horizon_has_no_free_time(client, booking_site):
    response = client.get(f"/en/bookings/service/{booking_site['service'].pk}/?from=9999-12-31")
    assert "No free time on these days." in response.text


@pytest.mark.parametrize("day", FAR_DAYS)
def test_the_professional_week_of_a_far_day_opens_on_a_monday(client, booking_site, day):
    login(client, "awa.tresses@example.cm")
    response = client.get(f"/en/bookings/pro/week/?week={day}")
    assert response.status_code == 200
    days = response.context["days"]
    assert days[0]["date"].weekday() == 0
    assert days[0]["date"] == response.context["monday"]


def test_the_directory_refuses_a_day_too_far_to_be_available_on(client, booking_site):
    index = booking_site["index"]
    far = client.get(f"{index.url}?available_on=9999-12-31")
    assert far.status_code == 200
    assert "Choisissez un jour dans les deux prochaines années." in far.text
    past = client.get(f"{index.url}?available_on=2001-01-01")
    assert "Choisissez un jour à partir d’aujourd’hui." in past.text


def test_nobody_is_available_on_a_day_no_horizon_reaches(booking_site):
    assert selectors.professional_ids_available_on(datetime.date(9999, 12, 31)) == []
    assert selectors.professional_ids_available_on(datetime.date(1, 1, 1)) == []


def time_off(**fields):
    return {"action": "time_off", **fields}


def test_time_off_until_the_end_of_time_is_refused(client, booking_site):
    login(client, "awa.tresses@example.cm")
    today = timezone.localdate().isoformat()
    response = client.post(
        "/fr/bookings/pro/availability/", time_off(first_day=today, last_day="9999-12-31")
    )
    assert response.status_code == 400
    assert "jusqu’à deux ans à l’avance" in response.text
    assert not TimeOff.objects.exists()


def test_time_off_from_year_one_is_refused(client, booking_site):
    login(client, "awa.tresses@example.cm")
    response = client.post(
        "/en/bookings/pro/availability/", time_off(first_day="0001-01-01", to_time="10:00")
    )
    assert response.status_code == 400
    assert "Time off cannot start before today." in response.text
    assert not TimeOff.objects.exists()


def test_time_off_stored_out_of_range_breaks_no_page_and_can_be_removed(client, booking_site):
    if connection.vendor == "postgresql":
        # Year 1 in Douala is year 0 in UTC: PostgreSQL keeps it, Python cannot read it.
        starts, ends = "0001-01-01 00:00:00+01:00", "9999-12-31 23:59:59+00:00"
    else:
        starts, ends = "0001-01-01 00:00:00", "9999-12-31 23:59:59"
    write_time_off_by_hand(booking_site["schedule"], starts=starts, ends=ends)
    service = booking_site["service"]
    index = booking_site["index"]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    public = client.get(f"/fr/bookings/service/{service.pk}/")
    assert public.status_code == 200
    assert "Aucune heure libre ces jours-là." in public.text
    assert client.get(f"{index.url}?available_on={tomorrow}").status_code == 200

    login(client, "awa.tresses@example.cm")
    for url in ("/fr/bookings/pro/", "/fr/bookings/pro/week/", "/fr/bookings/pro/availability/"):
        assert client.get(url).status_code == 200, url
    off_id = TimeOff.objects.values_list("pk", flat=True).get()
    removed = client.post(
        "/fr/bookings/pro/availability/", {"action": "remove_time_off", "time_off": off_id}
    )
    assert removed.status_code == 302
    assert not TimeOff.objects.exists()


def test_an_opening_hours_form_without_any_range_is_refused(client, booking_site):
    login(client, "awa.tresses@example.cm")
    before = list(WeeklyHours.objects.values_list("weekday", "start_time", "end_time"))
    response = client.post("/fr/bookings/pro/availability/", {"action": "hours"})
    assert response.status_code == 400
    assert "Indiquez au moins une plage d’ouverture." in response.text
    assert list(WeeklyHours.objects.values_list("weekday", "start_time", "end_time")) == before


@pytest.mark.parametrize("start", ["9999-12-31T23:30:00+00:00", "0001-01-01T00:30:00+01:00"])
def test_a_slot_at_the_edge_of_time_is_refused(client, booking_site, start):
    login(client, "cliente@example.cm")
    response = client.post(f"/fr/bookings/service/{booking_site['service'].pk}/", {"start": start})
    assert response.status_code == 400
    assert "Choisissez une heure dans la liste." in response.text
    assert not Booking.objects.exists()
