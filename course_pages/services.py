"""Writes on course pages that are not Wagtail's own: sending a translation to moderation."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.models import Page


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
