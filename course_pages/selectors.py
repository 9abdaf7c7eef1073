"""Reads for the course authoring side (the admin)."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState

from course_pages.models import CourseCategory, CoursePage

STATE_LABELS = {
    "live": _("Live"),
    "live_with_draft": _("Live, with changes in draft"),
    "in_moderation": _("In moderation"),
    "draft": _("Draft"),
}


def courses_with_state_for(*, user):
    """The user's courses in every language, each with ``state`` and ``state_label``.
    Two queries, whatever the number of courses."""
    courses = list(
        CoursePage.objects.filter(instructor__user=user)
        .select_related("locale")
        .order_by("translation_key", "locale__language_code")
    )
    page_type = ContentType.objects.get_for_model(Page)
    in_moderation = set(
        WorkflowState.objects.filter(
            base_content_type=page_type,
            object_id__in=[str(course.pk) for course in courses],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).values_list("object_id", flat=True)
    )
    for course in courses:
        if str(course.pk) in in_moderation:
            course.state = "in_moderation"
        elif course.live:
            course.state = "live_with_draft" if course.has_unpublished_changes else "live"
        else:
            course.state = "draft"
        course.state_label = STATE_LABELS[course.state]
    return courses


def course_names(course_ids, *, language):
    """Course id (default-locale page) → (title, category name), both in ``language``
    when translated (else the default language's), in at most three queries."""
    courses = list(
        CoursePage.objects.filter(pk__in=course_ids).select_related("category", "locale")
    )
    others = [course for course in courses if course.locale.language_code != language]
    titles, categories = {}, {}
    if others:
        titles = dict(
            Page.objects.live()
            .filter(
                translation_key__in={course.translation_key for course in others},
                locale__language_code=language,
            )
            .values_list("translation_key", "title")
        )
        categories = dict(
            CourseCategory.objects.filter(
                translation_key__in={course.category.translation_key for course in others},
                locale__language_code=language,
            ).values_list("translation_key", "name")
        )
    return {
        course.pk: (
            titles.get(course.translation_key, course.title),
            categories.get(course.category.translation_key, course.category.name),
        )
        for course in courses
    }
