"""Reported community content in the admin's "Moderation" group (moderators)."""

from wagtail import hooks

from .admin_views import CaseViewSet


@hooks.register("register_admin_viewset")
def register_case_viewset():
    return CaseViewSet()
