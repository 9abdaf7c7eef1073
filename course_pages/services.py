"""Writes on course pages that are not Wagtail's own: sending a translation to moderation,
adding a draft lesson made of a video (a live class's recording)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page

from course_pages.models import CoursePage, LessonPage


@transaction.atomic
def submit_translation_for_moderation(*, translation, user):
    """Save the translated page as a draft and start its workflow, as Wagtail's
    "Submit for moderation" does for a page edited in the ordinary editor.

    wagtail-localize's editor offers only "Publish" (to publishers): without this an
    instructor's English translation never reaches the moderators. Returns the
    page's workflow state."""
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise PermissionDenied
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    if not page.permissions_for_user(user).can_edit() or page.locked:
        raise PermissionDenied
    translation.save_target(user=user, publish=False)
    page.refresh_from_db()
    if page.workflow_in_progress:
        return page.current_workflow_state
    workflow = page.get_workflow()
    if workflow is None:
        raise PermissionDenied
    return workflow.start(page, user)


@transaction.atomic
def add_draft_lesson(*, course, title, summary, video, duration_minutes, owner, slug_hint=""):
    """A new lesson at the end of `course` holding `video`, saved as a draft owned by
    `owner`: students see nothing until the instructor reviews it and a moderator
    publishes it (the academy's workflow). Not required to complete the course."""
    course = CoursePage.objects.select_for_update().get(pk=course.pk)
    base = slugify(f"{title} {slug_hint}")[:70].strip("-") or "lesson"
    taken = set(course.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    lesson = LessonPage(
        title=title[:255],
        slug=slug,
        summary=summary,
        duration_minutes=max(1, min(duration_minutes, 32767)),
        is_required=False,
        body=[("video", {"video": video, "caption": ""})],
        live=False,
        owner=owner,
    )
    course.add_child(instance=lesson)
    lesson.save_revision(user=owner, log_action=True)
    return lesson
