"""No two bookings of one professional may overlap while they occupy time.

PostgreSQL only (btree_gist lets the integer professional id join a GiST index with
the time range); on SQLite booking.services serialises bookings in a transaction."""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

OCCUPYING = "('held', 'confirmed', 'completed', 'no_show')"


def add_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE booking_booking ADD CONSTRAINT booking_no_overlap "
        "EXCLUDE USING gist (professional_id WITH =, "
        "tstzrange(starts_at, ends_at, '[)') WITH &&) "
        f"WHERE (status IN {OCCUPYING})"
    )


def drop_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE booking_booking DROP CONSTRAINT booking_no_overlap")


class Migration(migrations.Migration):
    dependencies = [("booking", "0001_initial")]

    operations = [
        BtreeGistExtension(),
        migrations.RunPython(add_constraint, drop_constraint),
    ]
