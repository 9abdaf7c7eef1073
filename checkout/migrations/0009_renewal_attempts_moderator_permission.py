"""Moderators read renewal attempts in the admin (the listing is read-only)."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="checkout", model="renewalattempt"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_renewalattempt",
        defaults={"name": "Can view renewal attempt"},
    )
    moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("checkout", "0008_subscription_renewals")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
