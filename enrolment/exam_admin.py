"""Final-exam attempts in the Wagtail admin: every attempt for moderators, the attempts
at her own courses for an instructor. Read-only; a moderator lifts the 24-hour wait
from an attempt's page through the support panel's action (reason asked, logged)."""

import django_filters
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.permission_policies.base import AuthenticationOnlyPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.admin_viewsets import ReadOnlyModelViewSet
from core.roles import is_instructor, is_moderator

from . import selectors
from .assessments.grades import band_for
from .models import ExamAttempt


def visible_attempts(user):
    """The attempts `user` may read: all for a moderator, her courses' for an instructor."""
    attempts = ExamAttempt.objects.select_related("enrolment__user", "enrolment__course")
    if is_moderator(user):
        return attempts
    return attempts.filter(enrolment__course__in=selectors.courses_taught(user))


class ExamAttemptReadPolicy(AuthenticationOnlyPermissionPolicy):
    """Moderators and instructors may list and inspect (each sees what
    visible_attempts gives her); nobody changes an attempt here."""

    def user_has_permission(self, user, action):
        return action == "view" and (is_moderator(user) or is_instructor(user))

    def user_has_any_permission(self, user, actions):
        return "view" in actions and (is_moderator(user) or is_instructor(user))


def _courses(request):
    return selectors.courses_taught(request.user).order_by("title") if request else None


class ExamAttemptFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Course"), field_name="enrolment__course", queryset=_courses
    )
    status = django_filters.ChoiceFilter(
        label=pgettext_lazy("exam attempt", "Outcome"), choices=ExamAttempt.Status.choices
    )

    class Meta:
        model = ExamAttempt
        fields = []


class ExamAttemptIndexView(IndexView):
    def get_base_queryset(self):
        return visible_attempts(self.request.user).order_by("-started_at")


class ExamAttemptDetailView(InspectView):
    template_name = "enrolment/admin/exam_attempt_detail.html"

    def get_page_title(self):
        return _("Exam attempt")

    def get_object(self, queryset=None):
        # Another instructor's course: not found, as if it did not exist.
        return get_object_or_404(
            visible_attempts(self.request.user).select_related("wait_lifted_by"), pk=self.pk
        )

    def get_fields(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attempt = self.object
        context.update(
            attempt=attempt,
            band=_band(attempt),
            may_lift_wait=is_moderator(self.request.user),
        )
        return context


def _band(attempt):
    """The band the exam score alone reaches (the certificate's also counts the
    practical part)."""
    if attempt.status != ExamAttempt.Status.PASSED:
        return "—"
    return band_for(attempt.score_percent).label


def _score(attempt):
    return "—" if attempt.score_percent is None else f"{attempt.score_percent} %"


def _passed(attempt):
    return _("Yes") if attempt.status == ExamAttempt.Status.PASSED else _("No")


class ExamAttemptViewSet(ReadOnlyModelViewSet):
    model = ExamAttempt
    name = "exam_attempts"
    url_prefix = "exam-attempts"
    icon = "tasks"
    menu_label = gettext_lazy("Exam attempts")
    menu_order = 260
    add_to_admin_menu = True
    add_to_reference_index = False
    index_view_class = ExamAttemptIndexView
    inspect_view_class = ExamAttemptDetailView
    filterset_class = ExamAttemptFilterSet
    search_fields = ["enrolment__user__email", "enrolment__user__last_name"]
    search_backend_name = None
    list_display = [
        Column("student", label=gettext_lazy("Student"), accessor="enrolment.user"),
        Column("course", label=gettext_lazy("Course"), accessor="enrolment.course"),
        DateColumn(
            "started_at", label=pgettext_lazy("exam attempt", "Started"), sort_key="started_at"
        ),
        Column(
            "status", label=pgettext_lazy("exam attempt", "Outcome"), accessor="get_status_display"
        ),
        DateColumn("handed_in_at", label=gettext_lazy("Handed in"), sort_key="handed_in_at"),
        Column("score", label=gettext_lazy("Score"), accessor=_score),
        Column("passed", label=gettext_lazy("Passed"), accessor=_passed),
        Column("band", label=gettext_lazy("Exam band"), accessor=_band),
    ]

    def register_permissions(self):
        register_permission_policy(self.model, ExamAttemptReadPolicy(self.model), exact_class=True)
        super().register_permissions()
