"""Online consultations move from a public meet.jit.si link to a private room opened
only through our join view: every booking that had a link gets a new room name (the
old link was sent around in e-mails, so it is not reused). The link itself goes in
0005, in a transaction of its own."""

import secrets

from django.db import migrations, models


def give_private_rooms(apps, schema_editor):
    Booking = apps.get_model("booking", "Booking")
    for booking in Booking.objects.exclude(video_url="").only("pk").iterator():
        Booking.objects.filter(pk=booking.pk).update(video_room=f"bsa-{secrets.token_hex(16)}")


class Migration(migrations.Migration):
    dependencies = [
        ("booking", "0003_moderator_permissions"),
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
    ]
