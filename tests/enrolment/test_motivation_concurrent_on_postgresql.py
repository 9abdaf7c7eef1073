"""Points once under concurrency, on PostgreSQL: the same lesson "done" sent eight times
at once (a double tap, a replayed offline queue) earns its points once, and the first
streak row is made once, with no error for any of the eight."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, transaction

from enrolment.models import PointsAward, Streak
from enrolment.motivation import services as motivation

from ..conftest import make_person

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (real concurrent transactions and row locks); "
        "runs in the PostgreSQL pass",
    ),
]

TAPS = 8


def test_one_lesson_done_eight_times_at_once_earns_points_once():
    student = make_person("awa@example.cm", is_student=True)
    start_together = threading.Barrier(TAPS)

    def tap(_number):
        try:
            start_together.wait()
            with transaction.atomic():
                motivation.lesson_done(user_id=student.pk, lesson_id=42)
            return "ok"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=TAPS) as pool:
        answers = list(pool.map(tap, range(TAPS)))

    assert answers == ["ok"] * TAPS
    assert list(PointsAward.objects.values_list("source", "source_id", "points")) == [
        ("lesson", 42, 10)
    ]
    assert Streak.objects.get(user=student).current == 1
