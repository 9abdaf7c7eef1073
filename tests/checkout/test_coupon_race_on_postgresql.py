"""Fifty people order at the same moment with a coupon good for ten uses, on
PostgreSQL with real row locks: exactly ten orders carry the coupon, and the forty
others are told it is used up, with no order made. (When a use counted only once
paid, all fifty got the discount.)"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext

from checkout import services
from checkout.errors import InvalidCoupon
from checkout.models import Coupon, CouponUse, Order

from ..booking.conftest import skip_unless_postgresql
from ..conftest import make_person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BUYERS, USES = 50, 10


def test_fifty_concurrent_orders_against_a_ten_use_coupon_give_exactly_ten(paid_course):
    skip_unless_postgresql()
    coupon = Coupon.objects.create(code="DIX", kind=Coupon.Kind.FIXED, value=1000, max_uses=USES)
    buyers = [make_person(f"acheteuse{n}@example.cm", is_student=True) for n in range(BUYERS)]
    start_together = threading.Barrier(BUYERS)

    def order(buyer):
        try:
            start_together.wait()
            with translation.override("en"):
                try:
                    services.create_order(
                        user=buyer, item_type="course", item_id=paid_course.pk, coupon_code="dix"
                    )
                except InvalidCoupon as error:
                    return error.message
            return "ordered"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=BUYERS) as pool:
        answers = list(pool.map(order, buyers))

    with translation.override("en"):
        used_up = gettext("This coupon has been used as many times as allowed.")
    assert answers.count("ordered") == USES
    assert answers.count(used_up) == BUYERS - USES
    assert Order.objects.filter(coupon=coupon).count() == USES
    assert Order.objects.count() == USES
    assert CouponUse.objects.filter(coupon=coupon, state=CouponUse.State.RESERVED).count() == USES
