"""Wagtail admin: the moderators' queue of people who asked to teach, the Support
menu and the home panel of work waiting for a person."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.roles import is_moderator

from . import services
from .models import User
from .support.menu import SUPPORT_MENU_HOOK, ModeratorsMenuItem, SupportMenu
from .support.panels import WaitingWorkPanel

DECIDE_PERMISSION = "accounts.change_user"


def _require_moderator(request):
    if not request.user.has_perm(DECIDE_PERMISSION):
        raise PermissionDenied


def instructor_requests(request):
    _require_moderator(request)
    pending = User.objects.filter(instructor_status=User.InstructorStatus.PENDING).order_by(
        "date_joined"
    )
    return TemplateResponse(
        request, "accounts/admin/instructor_requests.html", {"pending": pending}
    )


@require_POST
def decide_instructor(request, user_id):
    _require_moderator(request)
    user = get_object_or_404(User, pk=user_id)
    if user.instructor_status != User.InstructorStatus.PENDING:
        messages.error(request, _("%(name)s is not waiting for a decision.") % {"name": user})
        return redirect("instructor_requests")
    approve = request.POST.get("decision") == "approve"
    services.decide_instructor(user=user, approve=approve)
    if approve:
        messages.success(request, _("%(name)s can now author courses.") % {"name": user})
    else:
        messages.warning(request, _("%(name)s was not approved.") % {"name": user})
    return redirect("instructor_requests")


@hooks.register("register_admin_urls")
def register_instructor_urls():
    return [
        path("instructor-requests/", instructor_requests, name="instructor_requests"),
        path(
            "instructor-requests/<int:user_id>/",
            decide_instructor,
            name="instructor_requests_decide",
        ),
    ]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(DECIDE_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_instructor_menu_item():
    return ModeratorMenuItem(
        gettext_lazy("Instructor requests"),
        reverse("instructor_requests"),
        icon_name="group",
        order=650,
    )


@hooks.register("register_admin_viewset")
def register_support_menu():
    return SupportMenu()


@hooks.register(SUPPORT_MENU_HOOK)
def register_find_person_menu_item():
    return ModeratorsMenuItem(
        gettext_lazy("Find a person"), reverse("support_find"), icon_name="search", order=10
    )


@hooks.register(SUPPORT_MENU_HOOK)
def register_messages_sent_menu_item():
    return ModeratorsMenuItem(
        gettext_lazy("Messages sent"),
        reverse("notifications_outbound:index"),
        icon_name="mail",
        order=50,
    )


@hooks.register("construct_homepage_panels")
def add_waiting_work_panel(request, panels):
    if is_moderator(request.user):
        panels.append(WaitingWorkPanel())
