"""Admin sections for records nobody edits by hand (orders, certificates, bookings):
a listing and an inspect page, nothing to add, edit or delete. Their one write, if
any (refund, revoke), is a service called from the inspect page."""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import AuthenticationOnlyPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from .roles import is_moderator


class ReadOnlyModelViewSet(ModelViewSet):
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
        ]


# Moderators' queues (reported messages, reported community content …) share one
# admin menu group: each app's viewset sets `menu_hook = MODERATION_MENU_HOOK`.
MODERATION_MENU_HOOK = "register_moderation_menu_item"


class ModerationMenu(ViewSetGroup):
    menu_label = gettext_lazy("Moderation")
    menu_name = "moderation"
    menu_icon = "warning"
    menu_order = 340
    submenu_hook = MODERATION_MENU_HOOK


class ModeratorsReadPolicy(AuthenticationOnlyPermissionPolicy):
    """Moderators (and superusers) may list and inspect; nobody may change anything.
    For support listings whose only readers are the moderators, without a permission
    row per model to grant."""

    def user_has_permission(self, user, action):
        return action == "view" and is_moderator(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and is_moderator(user)


class ModeratorsReadOnlyViewSet(ReadOnlyModelViewSet):
    """A read-only listing for moderators only (ModeratorsReadPolicy)."""

    def register_permissions(self):
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(
                self.model, ModeratorsReadPolicy(self.model), exact_class=True
            )
        super().register_permissions()
