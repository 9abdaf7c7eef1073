"""Moderators add, edit and publish news articles on every news index that exists
(new indexes get the same from home.wagtail_hooks and the demo loader, see
home.news_permissions)."""

from django.db import migrations

MODERATORS = "Moderators"
NEWS_PAGE_PERMISSIONS = [
    ("add_page", "Can add page"),
    ("change_page", "Can change page"),
    ("publish_page", "Can publish page"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    NewsIndexPage = apps.get_model("home", "NewsIndexPage")
    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators is None:
        return
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    permissions = [
        Permission.objects.get_or_create(
            content_type=page_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in NEWS_PAGE_PERMISSIONS
    ]
    for index in NewsIndexPage.objects.all():
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=moderators, page_id=index.pk, permission=permission
            )


def revoke(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name=MODERATORS,
        page__content_type__app_label="home",
        page__content_type__model="newsindexpage",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_news_index_and_articles"),
        ("accounts", "0002_roles_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
