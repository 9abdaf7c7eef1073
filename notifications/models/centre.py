"""The in-site notification centre and what each person chose to receive."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..kinds import CHANNELS


class Notification(models.Model):
    """One event told to one person. Rows exist for the centre (``in_site``) and for the
    daily digest (``digest_due``); the e-mail, SMS and push themselves are
    OutboundMessages."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=60)
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # False when the person switched the centre off for this kind: the row then only
    # waits for the digest.
    in_site = models.BooleanField(_("shown on the site"), default=True)
    # The person chose one e-mail a day: this waits for it. The digest job claims the
    # rows it sends with one batch id, so a second run sends nothing.
    digest_due = models.BooleanField(_("waits for the digest"), default=False)
    digest_batch = models.UUIDField(_("digest batch"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The bell: unread rows of one person.
            models.Index(fields=["user", "in_site", "read_at"], name="notification_unread"),
            models.Index(fields=["user", "-created_at"], name="notification_list"),
            models.Index(
                fields=["user"],
                condition=models.Q(digest_due=True, digest_batch__isnull=True),
                name="notification_digest_due",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.title}"


class NotificationPreference(models.Model):
    """One choice that differs from its kind's default (kind × channel). Choices equal to
    the default are not stored, so a better default reaches everybody who left it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=60)
    channel = models.CharField(
        _("channel"), max_length=5, choices=[(channel, channel) for channel in CHANNELS]
    )
    enabled = models.BooleanField(_("on"))

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "channel"], name="notification_preference_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.kind} · {self.channel}: {self.enabled}"


class NotificationSettings(models.Model):
    """Quiet hours (Africa/Douala) and the daily digest; a row only once the person
    changed one of them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notification_settings",
        verbose_name=_("person"),
    )
    quiet_from = models.TimeField(_("quiet from"), null=True, blank=True)
    quiet_to = models.TimeField(_("quiet until"), null=True, blank=True)
    digest = models.BooleanField(_("daily digest"), default=False)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quiet_from__isnull=True, quiet_to__isnull=True)
                | models.Q(quiet_from__isnull=False, quiet_to__isnull=False),
                name="notification_settings_quiet_hours_both",
            )
        ]

    def __str__(self):
        return str(self.user)

    @property
    def has_quiet_hours(self):
        return self.quiet_from is not None and self.quiet_from != self.quiet_to
