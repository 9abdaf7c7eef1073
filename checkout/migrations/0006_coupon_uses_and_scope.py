"""Coupons name what they are for (scope) and count their uses as rows, reserved when
an order is made. Existing coupons keep their meaning: no type is valid for everything,
a type and an ID is one item, a known type alone is every item of that type (the old
code refused those everywhere, which nobody meant; an unknown type alone is stopped).
Paid orders become used uses, as used_count counted them; waiting orders reserve theirs."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

KINDS = {"course", "subscription", "booking", "live_session"}
PAID = ["paid", "partly_refunded", "refunded"]


def scope_and_uses_from_orders(apps, schema_editor):
    Coupon = apps.get_model("checkout", "Coupon")
    CouponUse = apps.get_model("checkout", "CouponUse")
    Order = apps.get_model("checkout", "Order")
    for coupon in Coupon.objects.exclude(item_type=""):
        if coupon.item_id:
            coupon.scope = "item"
        elif coupon.item_type in KINDS:
            coupon.scope, coupon.item_type = coupon.item_type, ""
        else:
            coupon.scope, coupon.item_type, coupon.active = "all", "", False
        coupon.save(update_fields=["scope", "item_type", "active"])
    orders = Order.objects.filter(coupon__isnull=False, status__in=[*PAID, "pending"])
    CouponUse.objects.bulk_create(
        CouponUse(
            coupon_id=order.coupon_id,
            order_id=order.pk,
            user_id=order.user_id,
            state="used" if order.status in PAID else "reserved",
        )
        for order in orders.only("pk", "coupon_id", "user_id", "status").iterator()
    )


def used_count_and_types_back(apps, schema_editor):
    Coupon = apps.get_model("checkout", "Coupon")
    for coupon in Coupon.objects.all():
        coupon.used_count = coupon.uses.filter(state="used").count()
        if coupon.scope in KINDS:
            coupon.item_type = coupon.scope
        coupon.save(update_fields=["used_count", "item_type"])
    apps.get_model("checkout", "CouponUse").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("checkout", "0005_refunds_settle"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CouponUse",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("reserved", "Reserved (waiting for payment)"),
                            ("used", "Used (paid)"),
                            ("released", "Released (expired or cancelled)"),
                        ],
                        default="reserved",
                        max_length=8,
                        verbose_name="state",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("changed_at", models.DateTimeField(auto_now=True, verbose_name="changed")),
            ],
            options={
                "verbose_name": "coupon use",
                "verbose_name_plural": "coupon uses",
            },
        ),
        migrations.AddField(
            model_name="coupon",
            name="max_uses_per_person",
            field=models.PositiveIntegerField(
                blank=True, null=True, verbose_name="maximum uses per person"
            ),
        ),
        migrations.AddField(
            model_name="coupon",
            name="scope",
            field=models.CharField(
                choices=[
                    ("all", "Everything"),
                    ("course", "Courses"),
                    ("subscription", "Subscriptions"),
                    ("booking", "Booking deposits"),
                    ("live_session", "Live sessions"),
                    ("item", "One item"),
                ],
                default="all",
                max_length=12,
                verbose_name="valid for",
            ),
        ),
        migrations.AlterField(
            model_name="coupon",
            name="item_id",
            field=models.CharField(blank=True, max_length=64, verbose_name="item"),
        ),
        migrations.AlterField(
            model_name="coupon",
            name="item_type",
            field=models.CharField(
                blank=True,
                choices=[
                    ("course", "Course"),
                    ("subscription", "Subscription"),
                    ("booking", "Booking deposit"),
                    ("live_session", "Live session"),
                ],
                max_length=30,
                verbose_name="item type",
            ),
        ),
        migrations.AddField(
            model_name="couponuse",
            name="coupon",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="uses",
                to="checkout.coupon",
                verbose_name="coupon",
            ),
        ),
        migrations.AddField(
            model_name="couponuse",
            name="order",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="coupon_uses",
                to="checkout.order",
                verbose_name="order",
            ),
        ),
        migrations.AddField(
            model_name="couponuse",
            name="user",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="person",
            ),
        ),
        migrations.AddIndex(
            model_name="couponuse",
            index=models.Index(
                fields=["coupon", "state", "user"], name="checkout_co_coupon__c3be6c_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="couponuse",
            constraint=models.UniqueConstraint(
                condition=models.Q(("state__in", ["reserved", "used"])),
                fields=("order",),
                name="one_live_coupon_use_per_order",
            ),
        ),
        migrations.RunPython(scope_and_uses_from_orders, used_count_and_types_back),
        migrations.AddConstraint(
            model_name="coupon",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("scope", "item"),
                        models.Q(("item_type", ""), _negated=True),
                        models.Q(("item_id", ""), _negated=True),
                    ),
                    models.Q(
                        models.Q(("scope", "item"), _negated=True),
                        ("item_id", ""),
                        ("item_type", ""),
                    ),
                    _connector="OR",
                ),
                name="coupon_item_only_for_one_item_scope",
            ),
        ),
        migrations.RemoveField(
            model_name="coupon",
            name="used_count",
        ),
    ]
