"""Admin hooks: the "Translation status" report (Reports menu).

Instructors see their own courses, lessons, instructor, portfolio and curriculum pages;
moderators see everyone's. Each row says whether the English version is missing, older
than the French page, or up to date (rules in course_pages.translation_status)."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from course_pages import permissions
from course_pages.translation_status import authored_source_pages, translation_status_rows

ROWS_PER_PAGE = 50
TARGET_LANGUAGE = "en"
TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"


def may_see_translation_status(user):
    return not permissions.is_restricted(user) or user.has_perm(TRANSLATE_PERMISSION)


def translation_status(request):
    if not may_see_translation_status(request.user):
        raise PermissionDenied
    target_locale = Locale.objects.filter(language_code=TARGET_LANGUAGE).first()
    paginator = Paginator(authored_source_pages(user=request.user), ROWS_PER_PAGE)
    page_of_pages = paginator.get_page(request.GET.get("p"))
    rows = (
        translation_status_rows(pages=page_of_pages.object_list, target_locale=target_locale)
        if target_locale is not None
        else []
    )
    return TemplateResponse(
        request,
        "course_pages/admin/translation_status.html",
        {
            "rows": rows,
            "items": page_of_pages,
            "target_locale": target_locale,
            "sees_everyone": not permissions.is_restricted(request.user),
        },
    )


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [path("translation-status/", translation_status, name="course_pages_translation_status")]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("course_pages_translation_status"),
        icon_name="doc-full",
        order=750,
    )
