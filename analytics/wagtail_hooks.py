"""Wagtail admin: the moderators' platform dashboard, its menu entry and a compact
panel on the admin home linking to it."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from core.roles import is_moderator

from . import admin_views, platform_selectors, selectors
from .models import SignupDay

PANEL_DAYS = 7


@hooks.register("register_admin_urls")
def register_platform_urls():
    return [
        path("platform/", admin_views.platform, name="analytics_platform"),
        path(
            "platform/export/<slug:table>.csv",
            admin_views.platform_export,
            name="analytics_platform_export",
        ),
    ]


class ModeratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def register_platform_menu_item():
    return ModeratorsMenuItem(
        gettext_lazy("Platform statistics"),
        reverse("analytics_platform"),
        icon_name="table",
        order=280,
    )


class PlatformPanel(Component):
    """The last week at a glance: four figures from the rollups (three queries)."""

    name = "platform_statistics"
    order = 45
    template_name = "analytics/admin/platform_panel.html"

    def get_context_data(self, parent_context=None):
        since = selectors.first_day(PANEL_DAYS)
        signups = platform_selectors.signups(since=since, cohorts_since=since)
        payments = platform_selectors.payments(since=since)
        paid = sum(line["paid"] for line in payments.by_provider.values())
        ended = paid + sum(line["failed"] for line in payments.by_provider.values())
        return {
            "days": PANEL_DAYS,
            "signups": sum(
                people
                for (role, _region), people in signups.by_role_and_region.items()
                if role == SignupDay.Role.ALL
            ),
            "learners": platform_selectors.active_learners(since=since, until=timezone.localdate()),
            "taken_xaf": sum(line["paid_xaf"] for line in payments.by_provider.values()),
            "success": f"{100 * paid // ended} %" if ended else "–",
        }


@hooks.register("construct_homepage_panels")
def add_platform_panel(request, panels):
    if is_moderator(request.user):
        panels.append(PlatformPanel())
