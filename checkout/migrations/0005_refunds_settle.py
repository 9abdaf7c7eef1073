"""Refunds that always settle: our own reference per refund (made before any call),
pending ones polled, hand refunds recorded by a moderator, a queue for staff.

Old refunds: DONE stay DONE and FAILED stay FAILED (history), except automatic refunds of
a duplicate payment that failed and were never redone: nobody was asked to act on them
but the order's review note, so they move to "waiting for staff" and enter the queue."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def fill_new_fields(apps, schema_editor):
    Refund = apps.get_model("checkout", "Refund")
    for refund in Refund.objects.select_related("payment").iterator():
        refund.reference = uuid.uuid4()
        refund.provider = refund.payment.provider
        refund.duplicate = refund.requested_by_id is None and refund.reason.startswith(
            "Duplicate payment"
        )
        refund.save(update_fields=["reference", "provider", "duplicate"])
    stuck = Refund.objects.filter(status="failed", duplicate=True).exclude(
        payment__refunds__status="done"
    )
    for refund in stuck:
        refund.status = "staff"
        refund.staff_reason = "The provider refused this automatic refund: refund by hand."
        refund.waiting_since = refund.created_at
        refund.save(update_fields=["status", "staff_reason", "waiting_since"])


class Migration(migrations.Migration):
    dependencies = [
        ("checkout", "0004_order_payee_percent"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="refund",
            name="provider",
            field=models.CharField(
                choices=[
                    ("sandbox", "Test phone (sandbox)"),
                    ("mtn_momo", "MTN Mobile Money"),
                    ("orange_money", "Orange Money"),
                    ("stripe", "Bank card"),
                ],
                default="",
                max_length=16,
                verbose_name="provider",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="refund",
            name="reference",
            field=models.UUIDField(null=True, verbose_name="our reference"),
        ),
        migrations.AddField(
            model_name="refund",
            name="duplicate",
            field=models.BooleanField(default=False, verbose_name="duplicate payment"),
        ),
        migrations.AddField(
            model_name="refund",
            name="next_poll_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="next status check"),
        ),
        migrations.AddField(
            model_name="refund",
            name="poll_count",
            field=models.PositiveIntegerField(default=0, verbose_name="status checks"),
        ),
        migrations.AddField(
            model_name="refund",
            name="staff_reason",
            field=models.CharField(
                blank=True, max_length=255, verbose_name="why it waits for staff"
            ),
        ),
        migrations.AddField(
            model_name="refund",
            name="waiting_since",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="waiting for staff since"
            ),
        ),
        migrations.AddField(
            model_name="refund",
            name="done_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="refunded by hand by",
            ),
        ),
        migrations.AddField(
            model_name="refund",
            name="hand_reference",
            field=models.CharField(blank=True, max_length=64, verbose_name="transfer reference"),
        ),
        migrations.AddField(
            model_name="refund",
            name="hand_note",
            field=models.CharField(blank=True, max_length=255, verbose_name="note"),
        ),
        migrations.AddField(
            model_name="refund",
            name="settled_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="settled"),
        ),
        migrations.AlterField(
            model_name="refund",
            name="status",
            field=models.CharField(
                choices=[
                    ("requested", "Requested"),
                    ("pending", "Waiting for the provider"),
                    ("staff", "Waiting for staff"),
                    ("done", "Refunded"),
                    ("by_hand", "Refunded by hand"),
                    ("failed", "Failed"),
                ],
                default="requested",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="sandboxcharge",
            name="refund_references",
            field=models.JSONField(blank=True, default=list, verbose_name="refund references"),
        ),
        migrations.RunPython(fill_new_fields, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="refund",
            name="reference",
            field=models.UUIDField(default=uuid.uuid4, unique=True, verbose_name="our reference"),
        ),
        migrations.AddIndex(
            model_name="refund",
            index=models.Index(fields=["status", "next_poll_at"], name="checkout_re_status_b6421a_idx"),
        ),
        migrations.AddConstraint(
            model_name="refund",
            constraint=models.UniqueConstraint(
                condition=models.Q(("hand_reference", ""), _negated=True),
                fields=("provider", "hand_reference"),
                name="unique_hand_reference_per_provider",
            ),
        ),
        migrations.AddConstraint(
            model_name="refund",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "by_hand"), _negated=True),
                    models.Q(
                        models.Q(("hand_reference", ""), _negated=True),
                        ("done_by__isnull", False),
                    ),
                    _connector="OR",
                ),
                name="refund_by_hand_has_reference_and_moderator",
            ),
        ),
    ]
