"""Create the Moderators and Instructors groups with their base permissions.

Wagtail's own initial data already creates "Moderators" with page, image and
document rights; we add user approval and translation rights to it, and create
"Instructors" (admin access, upload and choose images and documents). Page
permissions that keep instructors inside their own subtree come with the course
pages (issue #4)."""

from django.db import migrations

MODERATORS = "Moderators"
INSTRUCTORS = "Instructors"


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(
        access_admin,
        _permission(apps, "accounts", "user", "view_user", "Can view user"),
        _permission(apps, "accounts", "user", "change_user", "Can change user"),
        _permission(apps, "home", "footercontent", "add_footercontent", "Can add footer"),
        _permission(apps, "home", "footercontent", "change_footercontent", "Can change footer"),
        _permission(apps, "home", "contactsettings", "change_contactsettings", "Can change contact details"),
        _permission(apps, "wagtail_localize", "translation", "submit_translation", "Can submit translations"),
    )

    instructors, _ = Group.objects.get_or_create(name=INSTRUCTORS)
    instructors.permissions.add(access_admin)
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is None:
        return
    for app_label, model, codename, name in [
        ("wagtailimages", "image", "add_image", "Can add image"),
        ("wagtailimages", "image", "choose_image", "Can choose image"),
        ("wagtaildocs", "document", "add_document", "Can add document"),
        ("wagtaildocs", "document", "choose_document", "Can choose document"),
    ]:
        GroupCollectionPermission.objects.get_or_create(
            group=instructors,
            collection=root_collection,
            permission=_permission(apps, app_label, model, codename, name),
        )


def remove_instructors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=INSTRUCTORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_groups, remove_instructors)]
