"""Client reviews of a professional. Only a completed booking creates one."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Review(models.Model):
    professional = models.ForeignKey(
        "directory.ProfessionalPage",
        verbose_name=_("professional"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="directory_reviews",
    )
    rating = models.PositiveSmallIntegerField(_("rating"))
    text = models.TextField(_("review"), max_length=2000, blank=True)
    is_hidden = models.BooleanField(
        _("hidden"), default=False, help_text=_("Hidden reviews do not count in the rating.")
    )
    response = models.TextField(_("professional's answer"), max_length=2000, blank=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["professional", "is_hidden", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="review_rating_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.rating}/5 — {self.professional_id}"
