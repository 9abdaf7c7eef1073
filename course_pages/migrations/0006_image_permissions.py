"""Instructors upload and choose images; moderators manage them.

Images are a custom image model (private storage, see course_pages/models/images.py),
so the collection permissions given for Wagtail's own Image model are given again for
ours, as 0004 did for guide documents."""

from django.db import migrations


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


IMAGE = [
    ("add_academyimage", "Can add image"),
    ("change_academyimage", "Can change image"),
    ("choose_academyimage", "Can choose image"),
    ("delete_academyimage", "Can delete image"),
]
INSTRUCTOR_IMAGE = {"add_academyimage", "choose_academyimage"}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for group_name, codes in [
        ("Moderators", {code for code, _ in IMAGE}),
        ("Instructors", INSTRUCTOR_IMAGE),
    ]:
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for code, name in IMAGE:
            if code in codes:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root,
                    permission=_permission(apps, "course_pages", "academyimage", code, name),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("course_pages", "0005_academy_images"),
        ("accounts", "0002_roles_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
