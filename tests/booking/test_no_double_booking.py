"""No double booking, ever: 50 clients racing for one slot on PostgreSQL get exactly
one hold, and the exclusion constraint refuses overlaps that bypass the service."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import translation

from booking import services
from booking.errors import SlotTaken
from booking.models import Booking

from ..conftest import make_person
from .conftest import free_slot, skip_unless_postgresql

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RACERS = 50


def test_fifty_clients_racing_for_one_slot_get_one_hold_and_forty_nine_clear_answers(
    booking_site,
):
    skip_unless_postgresql()
    clients = [make_person(f"racer{n}@example.cm", is_client=True) for n in range(RACERS)]
    slot = free_slot(booking_site["service"])
    service_id = booking_site["service"].pk

    def race(client):
        try:
            with translation.override("fr"):
                services.hold_slot(client=client, service_id=service_id, starts_at=slot.start)
            return "held"
        except SlotTaken as error:
            return error.message
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=RACERS) as pool:
        answers = list(pool.map(race, clients))

    assert answers.count("held") == 1
    taken = [answer for answer in answers if answer != "held"]
    assert len(taken) == RACERS - 1
    assert set(taken) == {"Ce créneau vient d'être pris. Choisissez-en un autre."}
    assert Booking.objects.filter(status=Booking.Status.HELD).count() == 1


def test_the_database_refuses_overlapping_bookings_written_without_the_service(booking_site):
    skip_unless_postgresql()
    booking = services.hold_slot(
        client=booking_site["client"],
        service_id=booking_site["service"].pk,
        starts_at=free_slot(booking_site["service"]).start,
    )
    overlapping = Booking(
        professional_id=booking.professional_id,
        service_id=booking.service_id,
        client=booking_site["other"],
        starts_at=booking.starts_at.replace(minute=30),
        ends_at=booking.ends_at.replace(minute=30),
        status=Booking.Status.CONFIRMED,
        price_xaf=10000,
        deposit_xaf=2000,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        overlapping.save()
    # A cancelled booking does not occupy the time: it may overlap.
    overlapping.status = Booking.Status.CANCELLED
    overlapping.save()
    assert Booking.objects.count() == 2
