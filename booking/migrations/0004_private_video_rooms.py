"""Online consultations move from a public meet.jit.si link to a private room opened
only through our join view: every booking that had a link gets a new room name (the
old link was sent around in e-mails, so it is not reused), then the link goes."""

import secrets

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def give_private_rooms(apps, schema_editor):
    Booking = apps.get_model("booking", "Booking")
    for booking in Booking.objects.exclude(video_url="").only("pk").iterator():
        Booking.objects.filter(pk=booking.pk).update(video_room=secrets.token_hex(16))


class Migration(migrations.Migration):
    dependencies = [
        ("booking", "0003_moderator_permissions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="booking",
            name="video_room",
            field=models.CharField(
                blank=True, editable=False, max_length=64, verbose_name="video room"
            ),
        ),
        migrations.RunPython(give_private_rooms, migrations.RunPython.noop, elidable=True),
        migrations.RemoveField(model_name="booking", name="video_url"),
        migrations.AddConstraint(
            model_name="booking",
            constraint=models.UniqueConstraint(
                condition=models.Q(("video_room", ""), _negated=True),
                fields=("video_room",),
                name="booking_video_room_unique",
            ),
        ),
        migrations.CreateModel(
            name="CallStay",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("moderator", models.BooleanField(default=False)),
                ("joined_at", models.DateTimeField(verbose_name="came in")),
                ("last_seen_at", models.DateTimeField()),
                ("left_at", models.DateTimeField(blank=True, null=True, verbose_name="left")),
                (
                    "booking",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="call_stays",
                        to="booking.booking",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="booking_call_stays",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("left_at__isnull", True)),
                        fields=("booking", "user"),
                        name="booking_call_one_open_stay_per_person",
                    )
                ],
            },
        ),
    ]
