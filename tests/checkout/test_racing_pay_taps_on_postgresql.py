"""Ten real concurrent taps of one pay form on PostgreSQL: one order, and every tap
gets it (some used to get an IntegrityError 500)."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from checkout import services
from checkout.models import Order

from ..booking.conftest import skip_unless_postgresql
from .test_course_purchase import buyer  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TAPS = 10


def test_ten_concurrent_taps_of_one_form_all_get_the_same_order(
    paid_course,  # noqa: F811
    buyer,  # noqa: F811
):
    skip_unless_postgresql()
    token = uuid.uuid4()
    start_together = threading.Barrier(TAPS)

    def tap(_):
        try:
            start_together.wait()
            order = services.create_order(
                user=buyer, item_type="course", item_id=paid_course.pk, request_token=token
            )
            return order.pk
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=TAPS) as pool:
        orders = list(pool.map(tap, range(TAPS)))

    assert len(set(orders)) == 1
    assert Order.objects.filter(request_token=token).count() == 1
