"""The sandbox SMS page in the Wagtail admin, for moderators: what `make run` "sent"."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from core.roles import is_moderator

from . import sandbox


def can_read_sandbox_sms(user):
    # Sandbox SMS hold sign-in codes and phone numbers: moderators and superusers only.
    return is_moderator(user)


def sandbox_sms(request):
    if not can_read_sandbox_sms(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "notifications/admin/sandbox_sms.html",
        {"messages_sent": sandbox.latest(), "active": sandbox.is_active()},
    )
