"""Service categories and spoken languages: one row each, named in both languages.

Not TranslatableMixin snippets (like course categories) because services are plain
rows shared by both language versions of a profile: one category row keeps the
filters and the search table free of translation_key joins."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


class BilingualNameMixin(models.Model):
    name_fr = models.CharField(_("name (French)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if (get_language() or "fr").startswith("en") else self.name_fr


@register_snippet
class ServiceCategory(BilingualNameMixin):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name_fr"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")
        ordering = ["sort_order", "slug"]


@register_snippet
class SpokenLanguage(BilingualNameMixin):
    code = models.SlugField(_("code"), max_length=8, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("code"), FieldPanel("name_fr"), FieldPanel("name_en")]

    class Meta:
        verbose_name = _("spoken language")
        verbose_name_plural = _("spoken languages")
        ordering = ["sort_order", "code"]
