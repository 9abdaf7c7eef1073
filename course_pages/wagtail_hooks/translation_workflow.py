"""'Submit for moderation' in wagtail-localize's translation editor, for people who
may edit a translated page but not publish it (instructors)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.models import Translation

from course_pages import permissions, services
from course_pages.wagtail_hooks.permissions import _refuse_unless_own


@require_POST
def submit_translation_for_moderation(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise PermissionDenied
    if permissions.is_restricted(request.user):
        _refuse_unless_own(request.user, page)
    state = services.submit_translation_for_moderation(translation=translation, user=request.user)
    messages.success(
        request,
        _("'%(page)s' was submitted for moderation (%(workflow)s).")
        % {"page": page.get_admin_display_title(), "workflow": _(state.workflow.name)},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("register_admin_urls")
def register_translation_moderation_url():
    return [
        path(
            "translations/<int:translation_id>/submit-for-moderation/",
            submit_translation_for_moderation,
            name="course_pages_submit_translation_for_moderation",
        )
    ]
