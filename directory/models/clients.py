"""What a professional keeps about her clients: private notes, for her eyes only."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

NOTE_MAX_LENGTH = 2000


class ClientNote(models.Model):
    """One note per professional and client, written and read only by the professional
    (never shown to the client, nor on any public page)."""

    professional = models.ForeignKey(
        "directory.ProfessionalPage",
        verbose_name=_("professional"),
        on_delete=models.CASCADE,
        related_name="client_notes",
    )
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("client"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    text = models.TextField(_("private note"), max_length=NOTE_MAX_LENGTH, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("client note")
        verbose_name_plural = _("client notes")
        constraints = [
            models.UniqueConstraint(
                fields=["professional", "client"], name="one_note_per_professional_and_client"
            )
        ]

    def __str__(self):
        return f"{self.professional_id} — {self.client_id}"
