"""Instructors upload and choose lesson videos and guide documents; moderators manage them.

Guide documents are a custom document model (private storage), so the collection
permissions Wagtail created for its own Document model are given again for ours."""

from django.db import migrations


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


VIDEO = [
    ("add_lessonvideo", "Can add lesson video"),
    ("change_lessonvideo", "Can change lesson video"),
    ("view_lessonvideo", "Can view lesson video"),
    ("delete_lessonvideo", "Can delete lesson video"),
]
DOCUMENT = [
    ("add_guidedocument", "Can add document"),
    ("change_guidedocument", "Can change document"),
    ("choose_guidedocument", "Can choose document"),
    ("delete_guidedocument", "Can delete document"),
]
INSTRUCTOR_VIDEO = {"add_lessonvideo", "change_lessonvideo", "view_lessonvideo"}
INSTRUCTOR_DOCUMENT = {"add_guidedocument", "choose_guidedocument"}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    for group_name, video_codes, document_codes in [
        ("Moderators", {code for code, _ in VIDEO}, {code for code, _ in DOCUMENT}),
        ("Instructors", INSTRUCTOR_VIDEO, INSTRUCTOR_DOCUMENT),
    ]:
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for code, name in VIDEO:
            if code in video_codes:
                group.permissions.add(_permission(apps, "course_pages", "lessonvideo", code, name))
        if root is None:
            continue
        for code, name in DOCUMENT:
            if code in document_codes:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root,
                    permission=_permission(apps, "course_pages", "guidedocument", code, name),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("course_pages", "0003_guide_documents"),
        ("accounts", "0002_roles_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
