"""A group's practice sessions: a time (stored aware, shown in Africa/Douala), a place
or online, and who comes. The live-sessions issue later gives them a video room."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .groups import Group


class PracticeSession(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=120)
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("planned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("planned"), auto_now_add=True)

    class Meta:
        verbose_name = _("practice session")
        verbose_name_plural = _("practice sessions")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["group", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(online=True) | ~models.Q(place=""),
                name="session_has_place_or_is_online",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.starts_at:%Y-%m-%d %H:%M})"


class Rsvp(models.Model):
    session = models.ForeignKey(PracticeSession, on_delete=models.CASCADE, related_name="rsvps")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_rsvps"
    )
    going = models.BooleanField(_("comes"))
    answered_at = models.DateTimeField(_("answered"), auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_answer_per_person")
        ]

    def __str__(self):
        return f"{self.user}: {'yes' if self.going else 'no'}"
