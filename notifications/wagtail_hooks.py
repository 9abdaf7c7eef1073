"""Notifications in the Wagtail admin: what was sent and to whom (moderators), and the
sandbox SMS page (development only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import sandbox
from .admin_views import can_read_sandbox_sms, sandbox_sms
from .admin_viewsets import NotificationViewSetGroup


@hooks.register("register_admin_viewset")
def register_notification_viewsets():
    return NotificationViewSetGroup()


@hooks.register("register_admin_urls")
def register_sandbox_sms_url():
    return [path("sandbox-sms/", sandbox_sms, name="notifications_sandbox_sms")]


class SandboxSMSMenuItem(MenuItem):
    def is_shown(self, request):
        return sandbox.is_active() and can_read_sandbox_sms(request.user)


@hooks.register("register_admin_menu_item")
def register_sandbox_sms_menu_item():
    return SandboxSMSMenuItem(
        _("Sandbox SMS"), reverse("notifications_sandbox_sms"), icon_name="mail", order=900
    )
