"""Checkout in the Wagtail admin: orders and refunds, the refund queue, the payouts
export, coupons."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.support.menu import SUPPORT_MENU_HOOK

from .admin_views import OrderViewSet, SubscriptionViewSet, can_manage_orders, payouts
from .coupon_admin import register_coupon_admin
from .refund_queue import refund_detail, refund_queue

register_coupon_admin()


@hooks.register("register_admin_viewset")
def register_order_viewset():
    return [OrderViewSet(), SubscriptionViewSet()]


@hooks.register("register_admin_urls")
def register_payout_urls():
    return [
        path("payouts/", payouts, name="checkout_payouts"),
        path("refunds/", refund_queue, name="checkout_refund_queue"),
        path("refunds/<int:pk>/", refund_detail, name="checkout_refund_detail"),
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


@hooks.register(SUPPORT_MENU_HOOK)
def register_refund_queue_support_item():
    return ModeratorsMenuItem(
        _("Refund queue"), reverse("checkout_refund_queue"), icon_name="warning", order=60
    )
