"""Moderators write the news: Wagtail's add, edit and publish rights on every news index
(in every language). Granted by a data migration, by the admin hooks when a news index is
created or published, and by the demo loader; students and instructors get nothing here."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from accounts.models import MODERATORS_GROUP
from home.models import NewsIndexPage

NEWS_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def grant_moderator_news_permissions():
    """Idempotent. Returns the number of permissions created."""
    group = Group.objects.filter(name=MODERATORS_GROUP).first()
    if group is None:
        return 0
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=NEWS_PAGE_PERMISSIONS
        )
    )
    index_ids = set(NewsIndexPage.objects.values_list("pk", flat=True))
    granted = set(
        GroupPagePermission.objects.filter(
            group=group, page_id__in=index_ids, permission__in=permissions
        ).values_list("page_id", "permission_id")
    )
    missing = [
        GroupPagePermission(group=group, page_id=page_id, permission=permission)
        for page_id in sorted(index_ids)
        for permission in permissions
        if (page_id, permission.pk) not in granted
    ]
    GroupPagePermission.objects.bulk_create(missing)
    return len(missing)
