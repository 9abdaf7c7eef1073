"""A student's streak, the points she earned (one row per thing done) and her weekly goals.

Loaded by enrolment.models, so Django files them under the enrolment app."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_WEEKLY_LESSONS = 100


class Streak(models.Model):
    """Days in a row with learning, in Douala time, kept up to date on every activity so
    My learning reads one row. A missed day is forgiven once per ISO week (the pause)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("student"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="streak",
    )
    current = models.PositiveIntegerField(_("days in the current streak"), default=0)
    best = models.PositiveIntegerField(_("best streak"), default=0)
    last_day = models.DateField(_("last day with learning"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    # The Monday of the last ISO week whose pause day covered a missed day.
    pause_week = models.DateField(_("pause used in the week of"), null=True, blank=True)
    reminded_on = models.DateField(_("last reminded on"), null=True, blank=True)

    class Meta:
        verbose_name = _("learning streak")
        verbose_name_plural = _("learning streaks")
        indexes = [models.Index(fields=["last_activity_at"])]

    def __str__(self):
        return f"{self.user_id}: {self.current} (best {self.best})"


class PointsAward(models.Model):
    """Points for one thing done. The source is unique per person, so doing it again,
    a double submit or a replayed offline action earns nothing more."""

    class Source(models.TextChoices):
        LESSON = "lesson", _("Lesson completed")
        COURSE = "course", _("Course completed")
        PEER_REVIEW = "peer_review", _("Peer review given")
        COURSE_REVIEW = "course_review", _("Course review written")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("student"),
        on_delete=models.CASCADE,
        related_name="points_awards",
    )
    source = models.CharField(_("for"), max_length=16, choices=Source)
    # The lesson, course or peer review the points are for (default-locale page ids).
    source_id = models.PositiveBigIntegerField(_("source id"))
    points = models.PositiveSmallIntegerField(_("points"))
    awarded_at = models.DateTimeField(_("awarded"), default=timezone.now)

    class Meta:
        verbose_name = _("points award")
        verbose_name_plural = _("points awards")
        ordering = ["-awarded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "source", "source_id"], name="one_points_award_per_source"
            )
        ]
        indexes = [models.Index(fields=["user", "awarded_at"])]

    def __str__(self):
        return f"{self.user_id} +{self.points} ({self.source} {self.source_id})"


class WeeklyGoal(models.Model):
    """The number of lessons a student means to finish each week, from the ISO week it
    was set until she changes it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("student"),
        on_delete=models.CASCADE,
        related_name="weekly_goals",
    )
    week_start = models.DateField(_("from the week of"))
    lessons = models.PositiveSmallIntegerField(_("lessons a week"))
    set_at = models.DateTimeField(_("set"), auto_now=True)

    class Meta:
        verbose_name = _("weekly goal")
        verbose_name_plural = _("weekly goals")
        ordering = ["-week_start"]
        constraints = [
            models.UniqueConstraint(fields=["user", "week_start"], name="one_goal_per_week"),
            models.CheckConstraint(
                condition=models.Q(lessons__gte=1, lessons__lte=MAX_WEEKLY_LESSONS),
                name="weekly_goal_from_1_to_100",
            ),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.lessons} from {self.week_start}"
