"""What a professional sees about their audience: counters per ISO week, and contact reveals."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WeeklyStats(models.Model):
    professional = models.ForeignKey(
        "directory.ProfessionalPage", on_delete=models.CASCADE, related_name="weekly_stats"
    )
    week_start = models.DateField(_("week of"))
    profile_views = models.PositiveIntegerField(_("profile views"), default=0)
    search_appearances = models.PositiveIntegerField(_("search appearances"), default=0)

    class Meta:
        verbose_name = _("weekly statistics")
        ordering = ["-week_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["professional", "week_start"], name="one_stats_row_per_week"
            )
        ]

    def __str__(self):
        return f"{self.professional_id} — {self.week_start}"


class ContactReveal(models.Model):
    """Someone tapped "show the phone number": logged so abuse can be seen."""

    professional = models.ForeignKey(
        "directory.ProfessionalPage", on_delete=models.CASCADE, related_name="contact_reveals"
    )
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("contact reveal")

    def __str__(self):
        return f"{self.professional_id} — {self.created_at:%Y-%m-%d %H:%M}"
