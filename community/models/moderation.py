"""What every community object shares: a visibility state moderators control, the
reports people make, one moderation case per reported object, and the posting log
the new-member limits read. Generic: an object is named by its kind (registered in
community.reports) and its id, so forum posts and challenge entries reuse them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import moderation


class EditRevision(models.Model):
    """What an object said before one edit, who edited and when: the edit history a
    moderator reads. Concrete revisions add the object and the fields they keep."""

    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("edited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    edited_at = models.DateTimeField(_("edited"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-edited_at", "-id"]


class Moderated(models.Model):
    """A community object people can report: hidden while a moderator decides once
    enough people reported it, and for good if the moderator says so."""

    Visibility = moderation.Visibility

    visibility = models.CharField(
        _("visibility"), max_length=8, choices=Visibility, default=Visibility.VISIBLE, blank=True
    )

    class Meta:
        abstract = True

    @property
    def is_visible(self):
        return self.visibility == self.Visibility.VISIBLE


class ModerationCase(models.Model):
    """One reported object in the moderators' queue, whatever its kind."""

    class State(models.TextChoices):
        OPEN = "open", _("Reported, still shown")
        WAITING = "waiting", _("Hidden, waiting for a moderator")
        REMOVED = "removed", _("Hidden for good")
        RESTORED = "restored", _("Restored")

    kind = models.CharField(_("kind"), max_length=30)
    object_id = models.PositiveBigIntegerField(_("object"))
    # A short copy for the queue, so it reads even if the object is gone.
    excerpt = models.CharField(_("excerpt"), max_length=200, blank=True)
    state = models.CharField(_("state"), max_length=8, choices=State, default=State.OPEN)
    # Reports since the last decision: the threshold counts these.
    pending_reports = models.PositiveIntegerField(_("reports waiting"), default=0)
    last_reported_at = models.DateTimeField(_("last reported"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("reported community content")
        verbose_name_plural = _("reported community content")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_case_per_object")
        ]
        indexes = [models.Index(fields=["state", "last_reported_at"])]

    def __str__(self):
        return f"{self.kind} #{self.object_id}"


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Insulting, hateful or harassing")
        DANGER = "danger", _("False or dangerous advice")
        PRIVATE = "private", _("Someone's private information")
        OTHER = "other", _("Something else")

    case = models.ForeignKey(ModerationCase, on_delete=models.CASCADE, related_name="reports")
    # Kept with the case so "once per person per object" is a database rule.
    kind = models.CharField(_("kind"), max_length=30)
    object_id = models.PositiveBigIntegerField(_("object"))
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="community_reports",
    )
    reason = models.CharField(_("reason"), max_length=8, choices=Reason)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("community report")
        verbose_name_plural = _("community reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "reporter"], name="one_report_per_person_and_object"
            )
        ]

    def __str__(self):
        return f"{self.reporter} reports {self.kind} #{self.object_id}"


class Contribution(models.Model):
    """One thing a person posted (a group, a wall resource, later a forum post): the
    new-member limits count these per day, and "accepted" ones raise the limits."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_posts"
    )
    kind = models.CharField(_("kind"), max_length=30)
    object_id = models.PositiveBigIntegerField(_("object"))
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    removed = models.BooleanField(_("hidden by a moderator"), default=False)

    class Meta:
        verbose_name = _("community post")
        verbose_name_plural = _("community posts")
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self):
        return f"{self.user} posted {self.kind} #{self.object_id}"
