"""Moderators read notifications and push subscriptions in the Wagtail admin (support:
"did she get told?"). Read-only: notify() writes them."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup

from core.admin_viewsets import ReadOnlyModelViewSet

from .models import Notification, OutboundMessage, PushSubscription


class NotificationViewSet(ReadOnlyModelViewSet):
    model = Notification
    icon = "info-circle"
    menu_label = _("Notifications")
    list_display = [
        "title",
        "user",
        "kind",
        DateColumn("created_at", label=_("created"), sort_key="created_at"),
        DateColumn("read_at", label=_("read"), sort_key="read_at"),
    ]
    list_filter = ["kind", "in_site", "digest_due"]
    search_fields = ["title", "user__email"]
    search_backend_name = None
    add_to_reference_index = False
    inspect_view_fields = [
        "user",
        "kind",
        "title",
        "body",
        "url",
        "created_at",
        "read_at",
        "in_site",
        "digest_due",
    ]


class OutboundMessageViewSet(ReadOnlyModelViewSet):
    model = OutboundMessage
    icon = "mail"
    menu_label = _("Messages sent")
    list_display = [
        "recipient",
        Column("channel", label=_("channel"), accessor="get_channel_display"),
        Column("status", label=_("status"), accessor="get_status_display", sort_key="status"),
        "subject",
        DateColumn("created_at", label=_("created"), sort_key="created_at"),
        DateColumn("not_before", label=_("held until"), sort_key="not_before"),
    ]
    list_filter = ["channel", "status", "delivery"]
    search_fields = ["recipient", "subject"]
    search_backend_name = None
    add_to_reference_index = False
    inspect_view_fields = [
        "channel",
        "recipient",
        "subject",
        "body_text",
        "status",
        "attempts",
        "requeues",
        "last_error",
        "created_at",
        "sent_at",
        "not_before",
        "provider",
        "provider_message_id",
        "delivery",
        "delivery_detail",
    ]


class PushSubscriptionViewSet(ReadOnlyModelViewSet):
    model = PushSubscription
    icon = "mobile-alt"
    menu_label = _("Push subscriptions")
    list_display = [
        "user",
        Column("service", label=_("push service"), accessor="service"),
        DateColumn("created_at", label=_("created"), sort_key="created_at"),
        DateColumn("last_success", label=_("last delivered"), sort_key="last_success"),
    ]
    search_fields = ["user__email", "endpoint"]
    search_backend_name = None
    add_to_reference_index = False
    inspect_view_fields = ["user", "endpoint", "created_at", "last_success"]


class NotificationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Notifications")
    menu_icon = "info-circle"
    menu_order = 360
    items = (
        NotificationViewSet("notifications_centre"),
        OutboundMessageViewSet("notifications_outbound"),
        PushSubscriptionViewSet("notifications_push"),
    )
