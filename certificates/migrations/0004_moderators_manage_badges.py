"""Moderators define badges (add, change, view) and revoke awards (change_badgeaward)."""

from django.db import migrations

PERMISSIONS = {
    "badge": [
        ("add_badge", "Can add badge"),
        ("change_badge", "Can change badge"),
        ("view_badge", "Can view badge"),
    ],
    "badgeaward": [
        ("view_badgeaward", "Can view badge award"),
        ("change_badgeaward", "Can change badge award"),
    ],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    for model, permissions in PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="certificates", model=model)
        for codename, name in permissions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("certificates", "0003_badges_and_transcripts")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
