"""The professional's pages (bookings, week calendar, availability), the slots page's
query count, and the directory's "available on" selector."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from booking import selectors
from booking.models import Booking, TimeOff, WeeklyHours
from booking.slots import DOUALA

from ..directory.builders import make_professional
from .conftest import add_service, confirmed_booking, free_slot, hold, login, open_every_day


def test_anonymous_visitors_are_sent_to_log_in(client, booking_site):
    for url in ("/fr/bookings/", "/fr/bookings/pro/", "/fr/bookings/pro/availability/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_person_without_a_profile_has_no_professional_pages(client, booking_site):
    login(client, "cliente@example.cm")
    response = client.get("/fr/bookings/pro/")
    assert response.status_code == 404
    assert "profil" in response.text


def test_professional_sees_upcoming_bookings_and_the_week_calendar(client, booking_site):
    booking = confirmed_booking(booking_site)
    login(client, "awa.tresses@example.cm")
    listing = client.get("/fr/bookings/pro/")
    assert listing.status_code == 200
    assert f"/fr/bookings/{booking.reference}/" in listing.text
    week = client.get(
        f"/fr/bookings/pro/week/?week={timezone.localtime(booking.starts_at):%Y-%m-%d}"
    )
    assert week.status_code == 200
    assert f"/fr/bookings/{booking.reference}/" in week.text
    assert week.text.count('class="week-day') == 7
    assert client.get("/fr/bookings/pro/week/?week=pas-une-date").status_code == 200


def test_the_client_lists_their_bookings(client, booking_site):
    booking = hold(booking_site)
    login(client, "cliente@example.cm")
    response = client.get("/fr/bookings/")
    assert f"/fr/bookings/{booking.reference}/" in response.text
    login(client, "autre.cliente@example.cm")
    assert f"/fr/bookings/{booking.reference}/" not in client.get("/fr/bookings/").text


def hours_form(**ranges):
    data = {"action": "hours"}
    for key, value in ranges.items():
        data[key] = value
    return data


def test_professional_replaces_opening_hours(client, booking_site):
    login(client, "awa.tresses@example.cm")
    response = client.post(
        "/fr/bookings/pro/availability/",
        hours_form(d0_0_start="09:00", d0_0_end="12:00", d0_1_start="14:00", d0_1_end="17:30"),
    )
    assert response.status_code == 302
    hours = WeeklyHours.objects.filter(schedule=booking_site["schedule"])
    assert [(h.weekday, f"{h.start_time:%H:%M}", f"{h.end_time:%H:%M}") for h in hours] == [
        (0, "09:00", "12:00"),
        (0, "14:00", "17:30"),
    ]
    slots = selectors.free_slots_for(service=booking_site["service"])
    assert {slot.start.astimezone(DOUALA).weekday() for slot in slots} == {0}


def test_overlapping_or_half_filled_opening_hours_are_refused(client, booking_site):
    login(client, "awa.tresses@example.cm")
    before = WeeklyHours.objects.count()
    overlapping = client.post(
        "/fr/bookings/pro/availability/",
        hours_form(d1_0_start="09:00", d1_0_end="13:00", d1_1_start="12:00", d1_1_end="15:00"),
    )
    assert overlapping.status_code == 400
    assert "se chevauchent" in overlapping.text
    half = client.post("/fr/bookings/pro/availability/", hours_form(d2_0_start="09:00"))
    assert half.status_code == 400
    assert "fin après le début" in half.text
    assert WeeklyHours.objects.count() == before


def test_time_off_removes_the_slots_of_those_days(client, booking_site):
    slot = free_slot(booking_site["service"])
    day = slot.start.astimezone(DOUALA).date()
    login(client, "awa.tresses@example.cm")
    response = client.post(
        "/fr/bookings/pro/availability/",
        {"action": "time_off", "first_day": day.isoformat(), "reason": "Mariage"},
    )
    assert response.status_code == 302
    slots = selectors.free_slots_for(service=booking_site["service"])
    assert all(s.start.astimezone(DOUALA).date() != day for s in slots)
    off = TimeOff.objects.get()
    client.post("/fr/bookings/pro/availability/", {"action": "remove_time_off", "time_off": off.pk})
    assert not TimeOff.objects.exists()


def test_bad_rules_are_refused_and_nothing_changes(client, booking_site):
    login(client, "awa.tresses@example.cm")
    response = client.post(
        "/fr/bookings/pro/availability/",
        {
            "action": "rules",
            "buffer_minutes": "15",
            "min_notice_hours": "12",
            "horizon_days": "0",
            "full_refund_hours": "24",
            "late_refund_percent": "150",
        },
    )
    assert response.status_code == 400
    booking_site["schedule"].refresh_from_db()
    assert booking_site["schedule"].late_refund_percent == 0
    assert booking_site["schedule"].horizon_days == 60


def slot_page_queries(client, service):
    # Start each count from a cold cache: a Redis shared by parallel runs may be flushed
    # by another test at any moment, which would add a query to one count only.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/fr/bookings/service/{service.pk}/")
    assert response.status_code == 200
    return len(queries)


def fewest_slot_page_queries(client, service):
    """The smaller of two counts: a flush can still land in the middle of one request."""
    return min(slot_page_queries(client, service) for _ in range(2))


def test_the_slots_page_query_count_does_not_grow_with_bookings(client, booking_site):
    service = booking_site["service"]
    login(client, "autre.cliente@example.cm")
    hold(booking_site)
    slot_page_queries(client, service)  # the first request of a session does more
    with_one = fewest_slot_page_queries(client, service)
    for index in range(25):
        hold(booking_site, slot=free_slot(service, index=index * 3))
    assert Booking.objects.count() == 26
    assert fewest_slot_page_queries(client, service) <= with_one


def test_professionals_available_on_a_day_are_those_with_a_free_slot(booking_site):
    directory = booking_site
    closed = make_professional(directory["index"], "Salon Fermé", translate=False)
    add_service(closed)
    from booking.models import Schedule

    Schedule.objects.create(professional=closed)  # no opening hours at all
    full = make_professional(directory["index"], "Salon Complet", translate=False)
    full_service = add_service(full, minutes=240)
    full_schedule = Schedule.objects.create(professional=full, buffer_minutes=0)
    open_every_day(full_schedule, ranges=[(datetime.time(8), datetime.time(12))])
    day = timezone.localdate() + datetime.timedelta(days=3)
    morning = datetime.datetime.combine(day, datetime.time(8), tzinfo=DOUALA)
    from booking import services

    services.hold_slot(client=booking_site["client"], service_id=full_service.pk, starts_at=morning)
    with CaptureQueriesContext(connection) as queries:
        available = selectors.professional_ids_available_on(day)
    assert available == [booking_site["professional"].pk]
    assert len(queries) <= 6
    english = booking_site["professional"].get_translation(booking_site["en"])
    assert english.pk not in available


def test_my_account_links_to_bookings_and_for_professionals_to_their_appointments(
    client, booking_site
):
    login(client, "cliente@example.cm")
    page = client.get("/fr/account/")
    assert "/fr/bookings/" in page.text and "/fr/bookings/pro/" not in page.text
    login(client, "awa.tresses@example.cm")
    assert "/fr/bookings/pro/" in client.get("/fr/account/").text
