"""Moderators read notifications, messages sent and push subscriptions in the admin."""

from django.db import migrations

PERMISSIONS = [
    ("notification", "view_notification", "Can view notification"),
    ("outboundmessage", "view_outboundmessage", "Can view outbound message"),
    ("pushsubscription", "view_pushsubscription", "Can view push subscription"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    for model, codename, name in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="notifications", model=model
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0005_notification_centre"),
        ("accounts", "0002_roles_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
