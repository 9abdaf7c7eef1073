"""Site pages (home, about, FAQ, terms, privacy) and site-wide chrome."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .blocks import BaseStreamBlock, LinkBlock


class HomePage(Page):
    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_cta_text = models.CharField(_("hero button text"), max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("hero_cta_text"),
        FieldPanel("hero_cta_page"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"
    max_count_per_parent = 2  # one per language under the root

    class Meta:
        verbose_name = _("home page")


class StandardPage(Page):
    """About, FAQ, Terms, Privacy and other plain pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


@register_snippet
class FooterContent(TranslatableMixin, models.Model):
    """The footer, one per language (translated with wagtail-localize)."""

    tagline = models.CharField(_("tagline"), max_length=200)
    links = StreamField([("link", LinkBlock())], verbose_name=_("links"), blank=True)

    panels = [FieldPanel("tagline"), FieldPanel("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return self.tagline


@register_setting(icon="site")
class ContactSettings(BaseGenericSetting):
    email = models.EmailField(_("contact e-mail"), blank=True)
    whatsapp = models.CharField(_("WhatsApp number"), max_length=20, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram page"), blank=True)

    class Meta:
        verbose_name = _("contact details")
