"""Enrolments and practice work in the Wagtail admin, for moderators (support: "is
she enrolled?", "where is my homework?"). Read-only: enrolment's services write them;
enrolling by hand is an action of the support panel."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView

from accounts.support.menu import SUPPORT_MENU_HOOK
from core.admin_viewsets import ModeratorsReadOnlyViewSet

from .models import Enrolment, Submission


class EnrolmentIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "course")


class SubmissionIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("enrolment__user", "lesson")


class EnrolmentViewSet(ModeratorsReadOnlyViewSet):
    model = Enrolment
    name = "support_enrolments"
    url_prefix = "support-enrolments"
    icon = "user"
    menu_label = _("Enrolments")
    menu_order = 20
    menu_hook = SUPPORT_MENU_HOOK
    index_view_class = EnrolmentIndexView
    add_to_reference_index = False
    list_display = [
        "user",
        "course",
        Column("status", label=_("status"), accessor="get_status_display", sort_key="status"),
        Column("source", label=_("how"), accessor="get_source_display"),
        DateColumn("enrolled_at", label=_("enrolled"), sort_key="enrolled_at"),
        DateColumn("completed_at", label=_("completed"), sort_key="completed_at"),
    ]
    list_filter = ["status", "source"]
    search_fields = ["user__email", "user__last_name", "course__title"]
    search_backend_name = None
    inspect_view_fields = ["user", "course", "status", "source", "enrolled_at", "completed_at"]


class SubmissionViewSet(ModeratorsReadOnlyViewSet):
    model = Submission
    name = "support_submissions"
    url_prefix = "support-practice-work"
    icon = "doc-full"
    menu_label = _("Practice work")
    menu_order = 30
    menu_hook = SUPPORT_MENU_HOOK
    index_view_class = SubmissionIndexView
    add_to_reference_index = False
    list_display = [
        Column("student", label=_("student"), accessor="enrolment.user"),
        "lesson",
        Column("status", label=_("status"), accessor="get_status_display", sort_key="status"),
        DateColumn("submitted_at", label=_("handed in"), sort_key="submitted_at"),
        DateColumn("verdict_at", label=_("decided"), sort_key="verdict_at"),
    ]
    list_filter = ["status"]
    search_fields = ["enrolment__user__email", "lesson__title", "note"]
    search_backend_name = None
    inspect_view_fields = [
        "enrolment",
        "lesson",
        "status",
        "note",
        "submitted_at",
        "verdict_comment",
        "verdict_by",
        "verdict_at",
    ]
