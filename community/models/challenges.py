"""Challenges: moderators and instructors post a weekly or monthly brief (French and
English), members enter one photo each (an optional "before" beside the "after") and
vote once, never for themselves, until the deadline. A task freezes the results at
the deadline: votes and rank are then kept on the entries, and the winners marked.

Authors are kept as null when an account is deleted ("deleted account"); photos are
re-encoded WebP in private storage, served by a view that checks what may be seen."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.private_storage import private_storage

from .moderation import Moderated

UPLOADS = "challenges/%Y/%m/"


class Challenge(Moderated):
    class Period(models.TextChoices):
        WEEKLY = "weekly", _("Weekly challenge")
        MONTHLY = "monthly", _("Monthly challenge")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posted_challenges",
    )
    period = models.CharField(_("period"), max_length=7, choices=Period)
    title_fr = models.CharField(_("title (French)"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=120)
    brief_fr = models.TextField(_("brief (French)"))
    brief_en = models.TextField(_("brief (English)"))
    # The default-locale course category (state follows the content, not the language).
    speciality = models.ForeignKey(
        "course_pages.CourseCategory",
        verbose_name=_("speciality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    opens_at = models.DateTimeField(_("opens"))
    deadline = models.DateTimeField(_("deadline"), db_index=True)
    prize = models.CharField(_("prize"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    # Set once, by the task that counts the votes at the deadline.
    frozen_at = models.DateTimeField(_("results frozen"), null=True, blank=True)

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["-deadline", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gt=F("opens_at")), name="challenge_deadline_after_opening"
            )
        ]
        indexes = [models.Index(fields=["visibility", "opens_at", "deadline"])]

    def __str__(self):
        return self.title_fr

    def text(self, field):
        """The title or brief in the active language (French when it is missing)."""
        language = (get_language() or "fr")[:2]
        return getattr(self, f"{field}_{language}", "") or getattr(self, f"{field}_fr")

    @property
    def title(self):
        return self.text("title")

    @property
    def brief(self):
        return self.text("brief")

    def state(self, now=None):
        """ "upcoming", "running" or "finished" (the deadline passed)."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "running" if now < self.deadline else "finished"


class ChallengePhoto(models.Model):
    """One of the (at most three) example photos of a challenge."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("photo"), upload_to=UPLOADS, storage=private_storage)
    thumbnail = models.FileField(_("thumbnail"), upload_to=UPLOADS, storage=private_storage)

    class Meta:
        verbose_name = _("challenge example photo")
        verbose_name_plural = _("challenge example photos")
        ordering = ["id"]

    def __str__(self):
        return self.image.name


class Entry(Moderated):
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="entries")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="challenge_entries",
    )
    caption = models.CharField(_("caption"), max_length=300)
    photo = models.FileField(_("photo (after)"), upload_to=UPLOADS, storage=private_storage)
    photo_small = models.FileField(_("small photo"), upload_to=UPLOADS, storage=private_storage)
    before = models.FileField(
        _("photo (before)"), upload_to=UPLOADS, storage=private_storage, blank=True
    )
    before_small = models.FileField(
        _("small photo (before)"), upload_to=UPLOADS, storage=private_storage, blank=True
    )
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)
    replaced_at = models.DateTimeField(_("photo replaced"), null=True, blank=True)
    # Kept by the task that freezes the results; empty until then.
    vote_count = models.PositiveIntegerField(_("votes"), null=True, blank=True)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    is_winner = models.BooleanField(_("winner"), default=False)

    class Meta:
        verbose_name = _("challenge entry")
        verbose_name_plural = _("challenge entries")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "author"],
                condition=Q(author__isnull=False),
                name="one_entry_per_member_and_challenge",
            )
        ]
        indexes = [
            models.Index(fields=["challenge", "visibility", "created_at"]),
            models.Index(fields=["author", "-created_at"]),
        ]

    def __str__(self):
        return f"{self.challenge_id}: {self.caption[:40]}"

    @property
    def feed_title(self):
        """What a follower's feed line names: the challenge, in the reader's language."""
        return self.challenge.title

    def get_absolute_url(self):
        return f"{reverse('challenges:challenge', args=[self.challenge_id])}#e{self.pk}"


class Vote(models.Model):
    """One person's one vote in a challenge: final, and never for her own entry."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="votes")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="challenge_votes"
    )
    created_at = models.DateTimeField(_("voted"), auto_now_add=True)

    class Meta:
        verbose_name = _("challenge vote")
        verbose_name_plural = _("challenge votes")
        constraints = [
            models.UniqueConstraint(fields=["challenge", "voter"], name="one_vote_per_challenge")
        ]

    def __str__(self):
        return f"{self.voter_id} → {self.entry_id}"
