"""Mentorship: experienced students offer to mentor (a speciality, languages, a town and
a capacity); a beginner asks, the mentor accepts for a number of weeks or declines; at
the end each side leaves one short review of the other. The speciality points at the
default-locale category, like groups (state follows the content, not the language)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .moderation import Moderated

MIN_CAPACITY, MAX_CAPACITY = 1, 10
MIN_WEEKS, MAX_WEEKS, DEFAULT_WEEKS = 2, 12, 6


class MentorOffer(Moderated):
    # A deleted account takes its offer with it: nothing personal stays.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        related_name="mentor_offer",
    )
    speciality = models.ForeignKey(
        "course_pages.CourseCategory",
        verbose_name=_("speciality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    speaks_french = models.BooleanField(_("speaks French"), default=True)
    speaks_english = models.BooleanField(_("speaks English"), default=False)
    town = models.ForeignKey(
        "directory.Town", verbose_name=_("town"), on_delete=models.PROTECT, related_name="+"
    )
    capacity = models.PositiveSmallIntegerField(_("beginners at a time"), default=2)
    bio = models.TextField(_("about me"), max_length=600)
    is_paused = models.BooleanField(_("paused"), default=False)
    created_at = models.DateTimeField(_("offered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("mentor offer")
        verbose_name_plural = _("mentor offers")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=MIN_CAPACITY, capacity__lte=MAX_CAPACITY),
                name="mentor_capacity_1_to_10",
            ),
            models.CheckConstraint(
                condition=Q(speaks_french=True) | Q(speaks_english=True),
                name="mentor_speaks_a_language",
            ),
        ]
        indexes = [models.Index(fields=["is_paused", "visibility", "town", "speciality"])]

    def __str__(self):
        return f"{self.user} mentors"

    def get_absolute_url(self):
        return reverse("mentors:mentor", args=[self.pk])

    @property
    def languages(self):
        return [
            code
            for code, spoken in (("fr", self.speaks_french), ("en", self.speaks_english))
            if spoken
        ]


class Mentorship(models.Model):
    """A beginner's request to a mentor, then the mentorship it becomes. Both people are
    kept as null once their account is deleted ("deleted account")."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Asked")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ACTIVE = "active", _("Under way")
        ENDED = "ended", _("Ended")

    class Ending(models.TextChoices):
        NONE = "", _("Not ended")
        TIME_UP = "time_up", _("Its weeks were over")
        MENTOR = "mentor", _("Ended early by the mentor")
        MENTEE = "mentee", _("Ended early by the beginner")
        ACCOUNT_GONE = "gone", _("An account was deleted")

    offer = models.ForeignKey(
        MentorOffer,
        verbose_name=_("mentor offer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentorships",
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentorships_given",
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beginner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentorships_received",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.REQUESTED)
    message = models.TextField(_("request"), max_length=1000)
    decline_reason = models.CharField(_("reason for declining"), max_length=500, blank=True)
    weeks = models.PositiveSmallIntegerField(_("weeks"), null=True, blank=True)
    requested_at = models.DateTimeField(_("asked"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ending = models.CharField(_("how it ended"), max_length=8, choices=Ending, blank=True)

    class Meta:
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status__in=["requested", "active"]),
                name="one_open_mentorship_per_pair",
            ),
            models.CheckConstraint(condition=~Q(mentor=F("mentee")), name="mentor_is_not_mentee"),
            models.CheckConstraint(
                condition=Q(weeks__isnull=True) | Q(weeks__gte=MIN_WEEKS, weeks__lte=MAX_WEEKS),
                name="mentorship_2_to_12_weeks",
            ),
        ]
        indexes = [
            models.Index(fields=["offer", "status"]),
            models.Index(fields=["status", "ends_at"]),
        ]

    def __str__(self):
        return f"{self.mentor} mentors {self.mentee}: {self.status}"

    def get_absolute_url(self):
        return reverse("mentors:mentorship", args=[self.pk])

    def side_of(self, user):
        """ "mentor", "mentee" or None: which side `user` is on."""
        if user.pk is None:
            return None
        if user.pk == self.mentor_id:
            return MentorshipReview.Side.MENTOR
        if user.pk == self.mentee_id:
            return MentorshipReview.Side.MENTEE
        return None


class MentorshipReview(Moderated):
    """One side's short review of the other, once the mentorship has ended."""

    class Side(models.TextChoices):
        MENTOR = "mentor", _("The mentor")
        MENTEE = "mentee", _("The beginner")

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="reviews")
    # Who wrote it: the mentor reviews the beginner, the beginner the mentor.
    side = models.CharField(_("written by"), max_length=6, choices=Side)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rating = models.PositiveSmallIntegerField(_("rating"))
    text = models.TextField(_("review"), max_length=1000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("mentorship review")
        verbose_name_plural = _("mentorship reviews")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["mentorship", "side"], name="one_review_per_side"),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="mentorship_rating_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.side} on mentorship #{self.mentorship_id}: {self.rating}/5"
