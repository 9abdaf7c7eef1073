"""Reported community content in the Wagtail admin, in the "Moderation" group next to
reported messages: one queue for every kind (groups, wall resources, later forum posts
and challenge entries), hidden ones first; the moderator reads the object, its reports
and its edit history, then hides it for good or restores it (community.reports)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView

from core.admin_viewsets import MODERATION_MENU_HOOK, ReadOnlyModelViewSet
from core.roles import is_moderator

from . import reports
from .errors import CommunityError
from .models import ModerationCase
from .selectors import display_name

State = ModerationCase.State


class CaseIndexView(IndexView):
    def get_base_queryset(self):
        urgent_first = Case(
            When(state=State.WAITING, then=Value(0)),
            When(state=State.OPEN, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return super().get_base_queryset().order_by(urgent_first, "-last_reported_at")


class CaseDetailView(InspectView):
    template_name = "community/admin/case_detail.html"

    def get_page_title(self):
        return _("Reported community content")

    def get_object(self, queryset=None):
        return get_object_or_404(ModerationCase.objects.select_related("decided_by"), pk=self.pk)

    def get_fields(self):
        return []

    def post(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        decision = request.POST.get("decision")
        try:
            if decision in ("remove", "restore"):
                reports.decide(
                    moderator=request.user, case=self.object, remove=decision == "remove"
                )
                messages.success(
                    request,
                    _("Hidden for good.") if decision == "remove" else _("Restored: shown again."),
                )
        except CommunityError as error:
            messages.error(request, error.message)
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        reportable, obj = reports.find(case.kind, case.object_id)
        context.update(
            case=case,
            label=reportable.label if reportable else case.kind,
            obj=obj,
            text=reportable.excerpt(obj) if obj is not None else case.excerpt,
            url=reportable.url(obj) if obj is not None else "",
            photos=reportable.photo_urls(obj) if obj is not None else [],
            history=reportable.history(obj) if obj is not None else [],
            author=display_name(_author(reportable, obj)) if obj is not None else "",
            reports=[
                (report, display_name(report.reporter))
                for report in case.reports.select_related("reporter")
            ],
            may_decide=is_moderator(self.request.user) and obj is not None,
        )
        return context


def _author(reportable, obj):
    author_id = reportable.author_id(obj)
    return get_user_model().objects.filter(pk=author_id).first() if author_id else None


def _kind_label(case):
    reportable = reports.get(case.kind)
    return reportable.label if reportable else case.kind


class CaseViewSet(ReadOnlyModelViewSet):
    model = ModerationCase
    name = "community_reports"
    url_prefix = "community-reports"
    icon = "warning"
    menu_label = gettext_lazy("Reported community content")
    menu_name = "community_reports"
    menu_order = 20
    menu_hook = MODERATION_MENU_HOOK
    add_to_reference_index = False
    index_view_class = CaseIndexView
    inspect_view_class = CaseDetailView
    search_fields = ["excerpt"]
    search_backend_name = None
    list_filter = ["state", "kind"]
    list_display = [
        Column("excerpt", label=gettext_lazy("Content"), accessor=lambda case: case.excerpt[:80]),
        Column("kind", label=gettext_lazy("Kind"), accessor=_kind_label),
        Column("pending_reports", label=gettext_lazy("Reports waiting")),
        Column("state", label=gettext_lazy("State"), accessor="get_state_display"),
        DateColumn(
            "last_reported_at", label=gettext_lazy("Last reported"), sort_key="last_reported_at"
        ),
    ]
