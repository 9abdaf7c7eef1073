"""Reported messages in the Wagtail admin, for moderators: a queue (open reports
first) and a page that shows the message among its neighbours, where the moderator
hides it for everyone or dismisses the report (through messaging.safety)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView

from core.admin_viewsets import MODERATION_MENU_HOOK, ReadOnlyModelViewSet
from core.roles import is_moderator

from . import safety, sanctions, selectors
from .errors import MessagingError
from .models import Message, Report, Sanction

NEIGHBOURS = 5


class ReportIndexView(IndexView):
    def get_base_queryset(self):
        waiting_first = Case(
            When(outcome=Report.Outcome.OPEN, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return (
            super()
            .get_base_queryset()
            .select_related("reporter", "message__sender")
            .order_by(waiting_first, "-created_at")
        )


class ReportDetailView(InspectView):
    template_name = "messaging/admin/report_detail.html"

    def get_page_title(self):
        return _("Reported message")

    def get_object(self, queryset=None):
        return get_object_or_404(
            Report.objects.select_related("reporter", "handled_by", "message__sender"), pk=self.pk
        )

    def get_fields(self):
        return []

    def post(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        decision = request.POST.get("decision")
        try:
            if decision == "hide":
                safety.hide(moderator=request.user, report=self.object)
                messages.success(request, _("The message is hidden for everyone."))
            elif decision == "dismiss":
                safety.dismiss(moderator=request.user, report=self.object)
                messages.success(request, _("The report is closed; the message stays."))
            elif decision == "warn":
                sanctions.warn(
                    moderator=request.user, report=self.object, reason=request.POST.get("reason")
                )
                messages.success(request, _("The sender is warned."))
            elif decision == "suspend":
                sanctions.suspend(
                    moderator=request.user,
                    report=self.object,
                    days=request.POST.get("days"),
                    reason=request.POST.get("reason"),
                )
                messages.success(request, _("The sender's messaging is suspended."))
        except MessagingError as error:
            messages.error(request, error.message)
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        message = self.object.message
        around = Message.objects.filter(conversation_id=message.conversation_id).select_related(
            "sender"
        )
        before = list(around.filter(pk__lt=message.pk).order_by("-pk")[:NEIGHBOURS])
        after = list(around.filter(pk__gt=message.pk).order_by("pk")[:NEIGHBOURS])
        context.update(
            report=self.object,
            reported=message,
            neighbours=[*reversed(before), message, *after],
            people=", ".join(
                selectors.display_name(seat.user)
                for seat in message.conversation.participants.select_related("user")
            ),
            may_decide=is_moderator(self.request.user)
            and self.object.outcome == Report.Outcome.OPEN,
            may_sanction=is_moderator(self.request.user),
            # The audit trail: every warning and suspension of the sender, newest first.
            sanctions=Sanction.objects.filter(user=message.sender).select_related("moderator"),
        )
        return context


def _excerpt(report):
    return report.message.text[:80] or report.message.get_kind_display()


class ReportViewSet(ReadOnlyModelViewSet):
    """Read-only apart from the decision: no add, edit, copy or delete views."""

    model = Report
    name = "message_reports"
    url_prefix = "message-reports"
    icon = "warning"
    menu_label = gettext_lazy("Reported messages")
    menu_name = "message_reports"
    menu_order = 10
    # In the admin's "Moderation" group, next to reported community content.
    menu_hook = MODERATION_MENU_HOOK
    add_to_reference_index = False
    index_view_class = ReportIndexView
    inspect_view_class = ReportDetailView
    search_fields = ["reason", "reporter__email", "message__text"]
    search_backend_name = None
    list_filter = ["outcome"]
    list_display = [
        Column("message", label=gettext_lazy("Message"), accessor=_excerpt),
        Column("sender", label=gettext_lazy("Sender"), accessor="message.sender"),
        "reporter",
        Column("outcome", label=gettext_lazy("Outcome"), accessor="get_outcome_display"),
        DateColumn("created_at", label=gettext_lazy("Reported"), sort_key="created_at"),
    ]
