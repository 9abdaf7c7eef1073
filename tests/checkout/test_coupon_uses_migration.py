"""The data migration that counts coupon uses as rows: a paid order's use is used (as
used_count counted it), a waiting order's is reserved, a closed order's counts no more."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from checkout.models import Coupon, CouponUse, Order

pytestmark = pytest.mark.django_db

migration = importlib.import_module("checkout.migrations.0006_coupon_uses_and_scope")


def old_order(user, coupon, status):
    return Order.objects.create(
        user=user,
        item_type="course",
        item_id="1",
        description="Tresses",
        list_price_xaf=5000,
        discount_xaf=500,
        amount_xaf=4500,
        coupon=coupon,
        status=status,
        expires_at=timezone.now(),
    )


def test_old_orders_become_used_and_reserved_uses(student):
    coupon = Coupon.objects.create(code="ANCIEN", kind="fixed", value=500, max_uses=3)
    paid = old_order(student, coupon, Order.Status.PAID)
    refunded = old_order(student, coupon, Order.Status.REFUNDED)
    waiting = old_order(student, coupon, Order.Status.PENDING)
    expired = old_order(student, coupon, Order.Status.EXPIRED)

    migration.scope_and_uses_from_orders(apps, None)

    states = dict(CouponUse.objects.values_list("order_id", "state"))
    assert states == {paid.pk: "used", refunded.pk: "used", waiting.pk: "reserved"}
    assert expired.pk not in states
    counted = Coupon.objects.with_use_counts().get(pk=coupon.pk)
    assert (counted.used_count, counted.reserved_count, counted.scope) == (2, 1, "all")
