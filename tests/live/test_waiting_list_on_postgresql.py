"""Fifty students tapping "Register" at once for twenty places on PostgreSQL: exactly
twenty places, thirty on the waiting list, in the order they were queued."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from live import registration
from live.models import Registration

from ..booking.conftest import skip_unless_postgresql
from .conftest import enrolled_student, make_session

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RACERS = 50


def test_fifty_students_at_once_get_exactly_twenty_places(people):
    skip_unless_postgresql()
    session = make_session(people, "class", capacity=20)
    students = [enrolled_student(people, f"course{n}@example.cm") for n in range(RACERS)]
    start_together = threading.Barrier(RACERS)

    def race(student):
        try:
            start_together.wait()
            return registration.register(user=student, session=session).status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=RACERS) as pool:
        answers = list(pool.map(race, students))

    assert answers.count("registered") == 20
    assert answers.count("waiting") == 30
    assert Registration.objects.filter(status="registered").count() == 20
    assert Registration.objects.filter(status="waiting").count() == 30
