"""Course reviews in the Wagtail admin, for moderators: a listing (newest first, by
visibility) and a page per review where a moderator hides an abusive one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView

from core.admin_viewsets import MODERATION_MENU_HOOK, ReadOnlyModelViewSet
from core.roles import is_moderator

from . import reviews
from .errors import LearningError
from .models import CourseReview


class ReviewIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "course").order_by("-created_at")


class ReviewDetailView(InspectView):
    template_name = "enrolment/admin/review_detail.html"

    def get_page_title(self):
        return _("Course review")

    def get_object(self, queryset=None):
        return get_object_or_404(
            CourseReview.objects.select_related("user", "course", "hidden_by"), pk=self.pk
        )

    def get_fields(self):
        return []

    def post(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        try:
            reviews.hide_review(moderator=request.user, review=self.object)
        except LearningError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The review is hidden and left the course's average."))
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            review=self.object,
            may_hide=is_moderator(self.request.user) and self.object.is_visible,
        )
        return context


def _excerpt(review):
    return review.text[:80] or "—"


class CourseReviewViewSet(ReadOnlyModelViewSet):
    """Read-only apart from hiding: no add, edit, copy or delete views."""

    model = CourseReview
    name = "course_reviews"
    url_prefix = "course-reviews"
    icon = "pick"
    menu_label = gettext_lazy("Course reviews")
    menu_name = "course_reviews"
    menu_order = 30
    menu_hook = MODERATION_MENU_HOOK
    add_to_reference_index = False
    index_view_class = ReviewIndexView
    inspect_view_class = ReviewDetailView
    search_fields = ["text", "user__email", "course__title"]
    search_backend_name = None
    list_filter = ["visibility", "rating"]
    list_display = [
        Column("text", label=gettext_lazy("Review"), accessor=_excerpt),
        "course",
        "user",
        "rating",
        Column("visibility", label=gettext_lazy("Visibility"), accessor="get_visibility_display"),
        DateColumn("created_at", label=gettext_lazy("Written"), sort_key="created_at"),
    ]
