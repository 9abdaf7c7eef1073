"""Reported messages in the Wagtail admin menu (moderators)."""

from wagtail import hooks

from .admin_views import ReportViewSet


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ReportViewSet()
