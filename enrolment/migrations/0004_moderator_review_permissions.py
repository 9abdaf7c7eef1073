"""Moderators open the course reviews in the admin, to hide abusive ones."""

from django.db import migrations

PERMISSIONS = [("view_coursereview", "Can view course review")]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="enrolment", model="coursereview")
    for codename, name in PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("enrolment", "0003_course_reviews_and_prerequisite_waivers"),
        ("accounts", "0002_roles_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
