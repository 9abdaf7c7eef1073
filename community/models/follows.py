"""Who follows whom, and what the people followed do (a new course, a challenge entry, a
live session): the lines of the "following" feed and of the followers' notifications."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    # A deleted account follows no one and is followed by no one: nothing stays.
    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("follower"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    followed = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("followed person"),
        on_delete=models.CASCADE,
        related_name="followers",
    )
    created = models.DateTimeField(_("following since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["follower", "followed"], name="follow_once"),
            models.CheckConstraint(condition=~Q(follower=F("followed")), name="follow_not_oneself"),
        ]
        # The fan-out walks one person's followers in id order.
        indexes = [models.Index(fields=["followed", "id"])]

    def __str__(self):
        return f"{self.follower} follows {self.followed}"


class Activity(models.Model):
    """Something a person did that her followers hear of. It points at what it is about
    (a course page, a challenge entry…: a target type registered in
    community.follows.targets) or, for things without a page of their own, carries its
    title and address in each language."""

    class Verb(models.TextChoices):
        COURSE_PUBLISHED = "course_published", _("published a course")
        CHALLENGE_ENTERED = "challenge_entered", _("entered a challenge")
        LIVE_SESSION_SCHEDULED = "live_session_scheduled", _("scheduled a live session")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    verb = models.CharField(_("what"), max_length=30, choices=Verb)
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("type of content"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    target_id = models.PositiveBigIntegerField(_("content"), null=True, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=255, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    url_fr = models.CharField(_("address (French)"), max_length=500, blank=True)
    url_en = models.CharField(_("address (English)"), max_length=500, blank=True)
    created = models.DateTimeField(_("when"), default=timezone.now)
    # The fan-out's progress: followers are told in batches, in Follow id order, and
    # each batch moves this mark in the same transaction as its notifications.
    announced_up_to = models.PositiveBigIntegerField(default=0, editable=False)
    announced_at = models.DateTimeField(_("followers told"), null=True, blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-created", "-id"]
        constraints = [
            # A course is announced once, however often it is published again.
            models.UniqueConstraint(
                fields=["verb", "target_type", "target_id"],
                condition=Q(target_id__isnull=False),
                name="one_activity_per_verb_and_target",
            ),
            models.CheckConstraint(
                condition=Q(target_type__isnull=True, target_id__isnull=True)
                | Q(target_type__isnull=False, target_id__isnull=False),
                name="activity_target_whole_or_none",
            ),
        ]
        indexes = [models.Index(fields=["actor", "-created", "-id"])]

    def __str__(self):
        return f"{self.actor} {self.verb}"
