"""The public video links go (every online booking has its private room now), and the
sandbox room keeps who is in a booking's call."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("booking", "0004_private_video_rooms"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
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
