"""A person's transcript settings: whether its page is public, and what it shows.

Certificates and badges are listed unless their owner hid them: a new credential shows
by default. The page lives at an unguessable address, so "public" means "for whoever
she gives the link to", not "listed anywhere"."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(12)


class Transcript(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="transcript",
    )
    token = models.CharField(_("address key"), max_length=32, unique=True, default=new_token)
    is_public = models.BooleanField(_("public"), default=False)
    # Codes of the certificates and badges the owner chose not to show.
    hidden_codes = models.JSONField(_("hidden credentials"), default=list, blank=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("transcript")
        verbose_name_plural = _("transcripts")

    def __str__(self):
        return f"Transcript of {self.user_id}"

    def get_absolute_url(self):
        return reverse("certificates:transcript", args=[self.token])

    def get_pdf_url(self):
        return reverse("certificates:transcript_pdf", args=[self.token])

    def get_bundle_url(self):
        return reverse("certificates:transcript_bundle", args=[self.token])
