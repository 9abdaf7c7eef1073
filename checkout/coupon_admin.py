"""Coupons in the Wagtail admin, for moderators only (support creates and stops them)."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from accounts.models import MODERATORS_GROUP
from core.admin_ui import yes_no_column

from .models import Coupon

ACTIONS = {"add", "change", "delete", "view"}


class ModeratorsOnlyPolicy(BasePermissionPolicy):
    """Every action for moderators and superusers, none for anybody else.
    No Permission rows are needed, so no data migration either."""

    permission_cache_name = "_moderator_coupon_permissions"

    def get_all_permissions_for_user(self, user):
        if user.is_authenticated and user.is_active and user.is_moderator:
            return ACTIONS
        return set()

    def user_has_permission(self, user, action):
        return action in self.get_cached_permissions_for_user(user)

    def user_has_any_permission(self, user, actions):
        return bool(set(actions) & self.get_cached_permissions_for_user(user))

    def user_has_permission_for_instance(self, user, action, instance):
        # Orders keep the coupon they used (PROTECT): such a coupon is stopped, not deleted.
        if action == "delete" and instance.orders.exists():
            return False
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if not set(actions) & ACTIONS:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__name=MODERATORS_GROUP))
            .distinct()
        )


class CouponDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if self.user_has_permission("delete") and not self.user_has_permission_for_instance(
            "delete", self.object
        ):
            messages.error(
                request,
                _("This coupon is on orders, so it cannot be deleted. Untick “active” to stop it."),
            )
            return redirect(reverse(self.edit_url_name, args=[quote(self.object.pk)]))
        return super().dispatch(request, *args, **kwargs)


class CouponViewSet(SnippetViewSet):
    model = Coupon
    icon = "tag"
    menu_label = _("Coupons")
    menu_name = "coupons"
    menu_order = 310
    add_to_admin_menu = True
    list_display = [
        "code",
        "kind",
        "value",
        "scope",
        Column("reserved_count", label=_("reserved"), sort_key="reserved_count"),
        Column("used_count", label=_("used"), sort_key="used_count"),
        "max_uses",
        "expires_at",
        yes_no_column(Coupon, "active"),
    ]
    list_filter = ["kind", "scope", "active"]
    search_fields = ["code"]
    ordering = ["code"]
    delete_view_class = CouponDeleteView
    edit_handler = ObjectList(
        [
            FieldPanel("code", help_text=_("Letters and digits; saved in capitals.")),
            FieldRowPanel(
                [
                    FieldPanel("kind"),
                    FieldPanel("value", help_text=_("A percentage (1–100) or an amount in FCFA.")),
                ]
            ),
            MultiFieldPanel(
                [
                    FieldPanel("scope"),
                    FieldRowPanel(
                        [
                            FieldPanel("item_type"),
                            FieldPanel(
                                "item_id",
                                help_text=_(
                                    "The course's or live session's page ID, the booking "
                                    "number, or “monthly” / “annual”."
                                ),
                            ),
                        ],
                        help_text=_("Only when the coupon is valid for one item."),
                    ),
                ],
                heading=_("Valid for"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel(
                                "max_uses",
                                help_text=_(
                                    "Orders waiting for payment hold a use until they expire."
                                ),
                            ),
                            FieldPanel("max_uses_per_person"),
                        ]
                    ),
                    FieldPanel("expires_at"),
                ],
                heading=_("Limits"),
            ),
            FieldPanel("active"),
        ]
    )

    def get_queryset(self, request):
        return Coupon.objects.with_use_counts()


def register_coupon_admin():
    """Call from a wagtail_hooks module: the policy must be registered before the viewset."""
    register_permission_policy(Coupon, ModeratorsOnlyPolicy(Coupon))
    register_snippet(CouponViewSet)
