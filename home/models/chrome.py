"""Site-wide chrome: the footer (one per language) and the contact details."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet

from ..blocks import LinkBlock


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
