"""Wagtail admin: the moderators' queue of people who asked to teach."""

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

from . import services
from .models import User

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
