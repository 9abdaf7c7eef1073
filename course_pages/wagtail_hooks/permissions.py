"""Admin hooks that keep instructors inside their own course pages.

The rules live in ``course_pages.permissions``; these hooks apply them where Wagtail's
tree permissions are too wide: Wagtail's "add" on the catalogue reaches every course,
so a refused request raises PermissionDenied, which Wagtail answers with its standard
"permission denied" redirect to the dashboard.

wagtail-localize lets anyone with ``submit_translation`` translate or sync *any* page
and publish the result; its views are wrapped here (same addresses, registered first)
so instructors translate only their own pages and only publishers publish translations.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from course_pages import permissions
from course_pages.models import CourseCategory, InstructorPage, LessonPage, PortfolioPage

# Pages whose parent decides whose they are.
CHILD_MODELS = (LessonPage, PortfolioPage)


def _refuse_unless_own(user, page):
    if page.specific_class in permissions.AUTHORED_MODELS and not permissions.is_own_page(
        user, page
    ):
        raise PermissionDenied


def _refuse_other_account(request):
    """An instructor page form must not name another person's account."""
    chosen = request.POST.get("user")
    if request.method == "POST" and chosen not in (None, str(request.user.pk)):
        raise PermissionDenied


def _refuse_others_destination(user, destination_id):
    destination = Page.objects.filter(pk=destination_id).first() if destination_id else None
    if destination is not None and destination.specific_class in permissions.AUTHORED_MODELS:
        _refuse_unless_own(user, destination)


@hooks.register("before_create_page")
def refuse_creating_in_others_pages(request, parent_page, page_class):
    if not permissions.is_restricted(request.user):
        return
    if page_class in CHILD_MODELS:
        _refuse_unless_own(request.user, parent_page)
    if page_class is InstructorPage:
        _refuse_other_account(request)


@hooks.register("before_edit_page")
def refuse_editing_others_pages(request, page):
    if not permissions.is_restricted(request.user):
        return
    _refuse_unless_own(request.user, page)
    if page.specific_class is InstructorPage:
        _refuse_other_account(request)


@hooks.register("before_delete_page")
def refuse_deleting_others_pages(request, page):
    if permissions.is_restricted(request.user):
        _refuse_unless_own(request.user, page)


@hooks.register("before_copy_page")
def refuse_copying_others_pages(request, page):
    if permissions.is_restricted(request.user):
        _refuse_unless_own(request.user, page)
        _refuse_others_destination(request.user, request.POST.get("new_parent_page"))


@hooks.register("before_move_page")
def refuse_moving_others_pages(request, page, destination):
    if permissions.is_restricted(request.user):
        _refuse_unless_own(request.user, page)
        _refuse_others_destination(request.user, destination.pk)


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_others_pages(request, action_type, objects, action_class_instance):
    if not permissions.is_restricted(request.user):
        return
    for obj in objects:
        if isinstance(obj, Page):
            _refuse_unless_own(request.user, obj)


@hooks.register("before_edit_snippet")
def refuse_editing_source_categories(request, instance):
    """Instructors translate categories; only moderators change the French originals."""
    if (
        isinstance(instance, CourseCategory)
        and permissions.is_restricted(request.user)
        and instance.locale_id == Locale.get_default().pk
    ):
        raise PermissionDenied


@hooks.register("construct_explorer_page_queryset")
def hide_others_drafts_in_explorer(parent_page, pages, request):
    return permissions.hide_others_drafts(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_others_drafts_in_chooser(pages, request):
    return permissions.hide_others_drafts(pages, request.user)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
@hooks.register("after_publish_page")
def grant_on_new_index_pages(request, page):
    if isinstance(page, permissions.INDEX_MODELS):
        permissions.grant_instructor_permissions()


@hooks.register("after_create_page")
@hooks.register("after_publish_page")
def give_personal_pages_to_their_instructor(request, page):
    # Not after a saved draft: until it is published, the page still belongs to the
    # instructor it names in the database, and so for the hooks above.
    if isinstance(page, permissions.PERSONAL_MODELS):
        permissions.align_owner(page)


def _guard_page_translation(request, page_id):
    if permissions.is_restricted(request.user):
        page = get_object_or_404(Page, pk=page_id)
        if page.specific_class not in permissions.AUTHORED_MODELS:
            raise PermissionDenied
        _refuse_unless_own(request.user, page)


def _guard_snippet_translation(request, app_label, model_name, pk):
    meta = CourseCategory._meta
    if permissions.is_restricted(request.user) and (app_label, model_name) != (
        meta.app_label,
        meta.model_name,
    ):
        raise PermissionDenied


def _guard_translation_sync(request, translation_source_id):
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    try:
        instance = source.get_source_instance()
    except ObjectDoesNotExist:
        return  # wagtail-localize answers a deleted source itself
    user = request.user
    if isinstance(instance, Page):
        if permissions.is_restricted(user):
            _guard_page_translation(request, instance.pk)
        publishing = request.method == "POST" and request.POST.get("publish_translations")
        if publishing and not instance.permissions_for_user(user).can_publish():
            raise PermissionDenied
    elif permissions.is_restricted(user) and not isinstance(instance, CourseCategory):
        raise PermissionDenied


def _guarded(view, guard):
    def guarded_view(request, *args, **kwargs):
        guard(request, **kwargs)
        response = view(request, *args, **kwargs)
        if request.method == "POST":
            # Translating may have copied index pages into the other language.
            permissions.grant_instructor_permissions()
        return response

    return guarded_view


# order=-1: these must come before wagtail-localize's own patterns for the same addresses.
@hooks.register("register_admin_urls", order=-1)
def register_guarded_translation_urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            _guarded(SubmitPageTranslationView.as_view(), _guard_page_translation),
            name="course_pages_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            _guarded(SubmitSnippetTranslationView.as_view(), _guard_snippet_translation),
            name="course_pages_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            _guarded(UpdateTranslationsView.as_view(), _guard_translation_sync),
            name="course_pages_update_translations",
        ),
    ]
