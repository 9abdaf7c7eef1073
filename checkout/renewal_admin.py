"""Renewal attempts in the Wagtail admin: support sees every request sent to a
subscriber's phone and how it ended. Read-only: checkout.renewals writes them."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView

from core.admin_viewsets import ReadOnlyModelViewSet

from .models import RenewalAttempt


def _subscriber(attempt):
    return attempt.subscription.user.email


class RenewalAttemptIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("subscription__user", "order", "payment")
            .order_by("-created_at")
        )


class RenewalAttemptInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        # Not settled yet, or never sent: a dash, not Python's "None".
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None else value


class RenewalAttemptViewSet(ReadOnlyModelViewSet):
    model = RenewalAttempt
    name = "checkout_renewal_attempts"
    url_prefix = "renewal-attempts"
    icon = "repeat"
    menu_label = _("Renewal attempts")
    menu_name = "renewal_attempts"
    menu_order = 306
    add_to_admin_menu = True
    add_to_reference_index = False
    index_view_class = RenewalAttemptIndexView
    inspect_view_class = RenewalAttemptInspectView
    list_filter = ["outcome", "day"]
    search_fields = ["subscription__user__email", "order__number"]
    search_backend_name = None
    list_display = [
        Column("subscriber", label=_("Subscriber"), accessor=_subscriber),
        DateColumn("created_at", label=_("sent"), sort_key="created_at"),
        "number",
        Column("order", label=_("order"), accessor=lambda attempt: attempt.order or "—"),
        Column("outcome", label=_("outcome"), accessor="shown_outcome", sort_key="outcome"),
    ]
    inspect_view_fields = [
        "subscription",
        "number",
        "day",
        "order",
        "payment",
        "outcome",
        "created_at",
        "settled_at",
    ]
