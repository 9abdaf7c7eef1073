"""Moderators read orders and payments, refund (change_order) and export payouts."""

from django.db import migrations

PERMISSIONS = [
    ("order", "view_order", "Can view order"),
    ("order", "change_order", "Can change order"),
    ("payment", "view_payment", "Can view payment"),
    ("payment", "change_payment", "Can change payment"),
    ("coupon", "add_coupon", "Can add coupon"),
    ("coupon", "change_coupon", "Can change coupon"),
    ("coupon", "view_coupon", "Can view coupon"),
    ("coupon", "delete_coupon", "Can delete coupon"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    for model, codename, name in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="checkout", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("checkout", "0001_initial"), ("accounts", "0002_roles_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
