"""Booking fixtures: a professional with opening hours and services, and clients."""

import datetime

import pytest
from django.db import connection

from booking import selectors
from booking.models import Booking, Schedule, WeeklyHours
from directory.models import Service, ServiceCategory

from ..conftest import make_person
from ..directory.builders import build_directory, make_professional
from ..shared_build import built_once_per_module

OPEN = [(datetime.time(8), datetime.time(12)), (datetime.time(13), datetime.time(18))]


def open_every_day(schedule, ranges=OPEN):
    WeeklyHours.objects.bulk_create(
        WeeklyHours(schedule=schedule, weekday=day, start_time=start, end_time=end)
        for day in range(7)
        for start, end in ranges
    )


def add_service(professional, *, name="Tresses", minutes=60, price=10000, deposit=2000, **fields):
    return Service.objects.create(
        professional=professional,
        category=ServiceCategory.objects.get(slug="braiding"),
        name_fr=name,
        name_en=f"{name} (en)",
        duration_minutes=minutes,
        price_xaf=price,
        deposit_value=deposit,
        **fields,
    )


def build_booking_site():
    """Awa takes bookings every day 08–12 and 13–18 (15 min between appointments,
    12 h notice, 60 days ahead, full refund up to 24 h before)."""
    directory = build_directory()
    awa = make_person(
        "awa.tresses@example.cm", first_name="Awa", last_name="Ndongo", phone="+237677001122"
    )
    professional = make_professional(
        directory["index"],
        "Awa Tresses",
        user=awa,
        phone="+237677001122",
        whatsapp="+237699001122",
        neighbourhood="Akwa",
    )
    schedule = Schedule.objects.create(professional=professional, buffer_minutes=15)
    open_every_day(schedule)
    client = make_person(
        "cliente@example.cm",
        first_name="Nadia",
        last_name="Mbarga",
        is_client=True,
        phone="+237677334455",
    )
    other = make_person("autre.cliente@example.cm", first_name="Grace", is_client=True)
    return {
        **directory,
        "awa": awa,
        "professional": professional,
        "schedule": schedule,
        "service": add_service(professional),
        "client": client,
        "other": other,
    }


booking_site = built_once_per_module(build_booking_site, "booking_site")


def free_slot(service, index=0):
    return selectors.free_slots_for(service=service)[index]


def hold(site, *, client=None, slot=None):
    from booking import services

    slot = slot or free_slot(site["service"])
    return services.hold_slot(
        client=client or site["client"], service_id=site["service"].pk, starts_at=slot.start
    )


def pay_deposit(booking):
    """The client pays the deposit order the way the sandbox phone does."""
    from checkout import services

    from ..checkout.conftest import pay_order

    order = services.create_order(user=booking.client, item_type="booking", item_id=booking.pk)
    return pay_order(order)


def confirmed_booking(site, **kwargs):
    booking = hold(site, **kwargs)
    pay_deposit(booking)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    return booking


def move_to_past(booking, *, hours_ago=2):
    """Pretend the appointment already happened (hours ago)."""
    start = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=hours_ago)
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=start, ends_at=start + (booking.ends_at - booking.starts_at)
    )
    booking.refresh_from_db()
    return booking


def login(client, email):
    from accounts.models import User

    client.force_login(User.objects.get(email=email))


def skip_unless_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (exclusion constraint and real row locks)")
