"""Checkout in the Wagtail admin: orders and refunds, the refund queue, the payouts
export, coupons, subscription renewal attempts."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.support.menu import SUPPORT_MENU_HOOK

from .admin_views import OrderViewSet, SubscriptionViewSet, can_manage_orders, payouts
from .coupon_admin import register_coupon_admin
from .manual_code_admin import claims, statement_import
from .refund_queue import refund_detail, refund_queue
from .renewal_admin import RenewalAttemptViewSet

register_coupon_admin()


@hooks.register("register_admin_viewset")
def register_order_viewset():
    return [OrderViewSet(), SubscriptionViewSet()]


@hooks.register("register_admin_viewset")
def register_renewal_attempt_viewset():
    return RenewalAttemptViewSet()


@hooks.register("register_admin_urls")
def register_payout_urls():
    return [
        path("payouts/", payouts, name="checkout_payouts"),
        path("refunds/", refund_queue, name="checkout_refund_queue"),
        path("refunds/<int:pk>/", refund_detail, name="checkout_refund_detail"),
        path("payments-by-code/", claims, name="checkout_manual_claims"),
        path("payments-by-code/statement/", statement_import, name="checkout_statement_import"),
    ]


class ModeratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_orders(request.user)


@hooks.register("register_admin_menu_item")
def register_payouts_menu_item():
    return ModeratorsMenuItem(
        _("Payouts"), reverse("checkout_payouts"), icon_name="download", order=305
    )


@hooks.register("register_admin_menu_item")
def register_refund_queue_menu_item():
    return ModeratorsMenuItem(
        _("Refund queue"), reverse("checkout_refund_queue"), icon_name="warning", order=304
    )


@hooks.register("register_admin_menu_item")
def register_manual_claims_menu_item():
    return ModeratorsMenuItem(
        _("Payments by code"), reverse("checkout_manual_claims"), icon_name="tick", order=303
    )


@hooks.register(SUPPORT_MENU_HOOK)
def register_refund_queue_support_item():
    return ModeratorsMenuItem(
        _("Refund queue"), reverse("checkout_refund_queue"), icon_name="warning", order=60
    )
