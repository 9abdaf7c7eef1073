"""Uploaded lesson videos and their data-saver renditions (made by a Celery task)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.private_storage import private_storage


class LessonVideo(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be processed")
        PROCESSING = "processing", _("Processing")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    title = models.CharField(_("title"), max_length=255)
    original = models.FileField(
        _("video file"), upload_to="videos/originals/", storage=private_storage
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    failure_reason = models.TextField(_("reason for the failure"), blank=True)
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"), null=True, blank=True)
    poster = models.FileField(
        _("poster image"), upload_to="videos/posters/", storage=private_storage, blank=True
    )
    file_360 = models.FileField(
        _("data-saver file (360p)"), upload_to="videos/360/", storage=private_storage, blank=True
    )
    size_360 = models.PositiveBigIntegerField(_("data-saver size (bytes)"), null=True, blank=True)
    file_720 = models.FileField(
        _("HD file (720p)"), upload_to="videos/720/", storage=private_storage, blank=True
    )
    size_720 = models.PositiveBigIntegerField(_("HD size (bytes)"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("lesson video")
        verbose_name_plural = _("lesson videos")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def is_ready(self):
        return self.status == self.Status.READY
