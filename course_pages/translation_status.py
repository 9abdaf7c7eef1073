"""Reads for the "Translation status" report: which authored pages have an up-to-date English version.

A translation is out of date when the French page was published after the English one was
last synchronised (wagtail-localize's TranslationSource.last_updated_at, or for a page
translated by hand, the English page's own last publication)."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from course_pages import permissions


class Status(models.TextChoices):
    MISSING = "missing", _("No English version yet")
    OUTDATED = "outdated", _("English version older than the French")
    UP_TO_DATE = "up_to_date", _("Up to date")


@dataclass(frozen=True)
class TranslationStatusRow:
    page: Page
    translation: Page | None
    source: TranslationSource | None
    status: Status

    @property
    def kind(self):
        return self.page.content_type.model_class()._meta.verbose_name

    @property
    def status_label(self):
        return self.status.label


def authored_source_pages(*, user):
    """Courses, lessons, instructor, portfolio and curriculum pages in the default language:
    all of them for a moderator, the user's own for everyone else. In tree order."""
    pages = Page.objects.filter(
        locale=Locale.get_default(),
        content_type__in=permissions.authored_content_types(),
    )
    if permissions.is_restricted(user):
        pages = pages.filter(permissions.own_pages_q(user))
    return pages.select_related("content_type").order_by("path")


def translation_status_rows(*, pages, target_locale):
    """One row per page, with its translation in `target_locale`. Three queries in all."""
    pages = list(pages)
    keys = [page.translation_key for page in pages]
    translations = {
        page.translation_key: page
        for page in Page.objects.filter(locale=target_locale, translation_key__in=keys)
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale_id__in={page.locale_id for page in pages}
        )
    }
    rows = []
    for page in pages:
        translation = translations.get(page.translation_key)
        source = sources.get(page.translation_key)
        rows.append(
            TranslationStatusRow(
                page=page,
                translation=translation,
                source=source,
                status=_status(page, translation, source),
            )
        )
    return rows


def _status(page, translation, source):
    # An alias (made when a child page was translated first) still shows the French text.
    if translation is None or translation.alias_of_id:
        return Status.MISSING
    changed_at = page.last_published_at or page.latest_revision_created_at
    if source is not None:
        synced_at = source.last_updated_at
    else:
        synced_at = translation.last_published_at or translation.latest_revision_created_at
    if changed_at and synced_at and changed_at > synced_at:
        return Status.OUTDATED
    return Status.UP_TO_DATE
