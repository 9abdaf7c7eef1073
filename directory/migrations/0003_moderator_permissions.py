"""Moderators manage towns, categories, languages and services, and moderate reviews."""

from django.db import migrations

MODELS = {
    "town": ["add", "change", "delete", "view"],
    "servicecategory": ["add", "change", "delete", "view"],
    "spokenlanguage": ["add", "change", "delete", "view"],
    "service": ["add", "change", "delete", "view"],
    "review": ["change", "view"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    for model, actions in MODELS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="directory", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_reference_data_and_search_index"),
        ("accounts", "0002_roles_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
