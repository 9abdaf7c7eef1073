"""Moderators read bookings and edit professionals' booking rules in the admin."""

from django.db import migrations

PERMISSIONS = [
    ("booking", "view_booking", "Can view booking"),
    ("schedule", "view_schedule", "Can view schedule"),
    ("schedule", "add_schedule", "Can add schedule"),
    ("schedule", "change_schedule", "Can change schedule"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    for model, codename, name in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="booking", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("booking", "0002_no_overlapping_bookings"), ("accounts", "0002_roles_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
