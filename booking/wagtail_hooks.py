"""Bookings in the Wagtail admin: moderators read bookings and edit any professional's
rules, opening hours and time off (professionals use the front-end pages)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from checkout.money import format_xaf
from core.admin_viewsets import ReadOnlyModelViewSet

from .models import Booking, Schedule


class BookingViewSet(ReadOnlyModelViewSet):
    """Read-only: state changes go through booking.services (refunds, notices)."""

    model = Booking
    icon = "date"
    menu_label = _("Bookings")
    list_display = [
        "service",
        "professional",
        "client",
        DateColumn("starts_at", label=_("starts"), sort_key="starts_at"),
        Column("status", label=_("status"), accessor="get_status_display", sort_key="status"),
        Column(
            "deposit_xaf",
            label=_("deposit (FCFA)"),
            accessor=lambda booking: format_xaf(booking.deposit_xaf),
        ),
    ]
    list_filter = ["status"]
    search_fields = ["professional__title", "client__email", "service__name_fr"]
    search_backend_name = None
    add_to_reference_index = False


class ScheduleViewSet(ModelViewSet):
    model = Schedule
    icon = "time"
    menu_label = _("Opening hours and time off")
    list_display = ["professional", "buffer_minutes", "min_notice_hours", "horizon_days"]
    search_fields = ["professional__title"]
    search_backend_name = None
    copy_view_enabled = False
    add_to_reference_index = False


class BookingViewSetGroup(ModelViewSetGroup):
    menu_label = _("Bookings")
    menu_icon = "date"
    menu_order = 330
    items = (BookingViewSet("booking_bookings"), ScheduleViewSet("booking_schedules"))


@hooks.register("register_admin_viewset")
def register_booking_viewsets():
    return BookingViewSetGroup()
