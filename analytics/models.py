"""The event stream and the daily rollups the dashboards read.

Events hold ids only (no name, e-mail or phone) and are never updated. Courses and
lessons are the default-locale (French) pages, as everywhere else: state follows the
content, not the language. Rollup rows are replaced whole for a day, so a re-run gives
the same rows."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    class Kind(models.TextChoices):
        COURSE_VIEW = "course_view", _("Course page viewed")
        ENROLLED = "enrolled", _("Enrolled")
        LESSON_OPENED = "lesson_opened", _("Lesson opened")
        LESSON_DONE = "lesson_done", _("Lesson done")
        COURSE_COMPLETED = "course_completed", _("Course completed")
        CERTIFICATE_ISSUED = "certificate", _("Certificate issued")
        VIDEO_PROGRESS = "video_progress", _("Video progress")
        QUIZ_MISS = "quiz_miss", _("Quiz question missed")
        # A professional's funnel; props["professional"] is her default-locale page id.
        PROFILE_VIEW = "profile_view", _("Professional profile viewed")
        CONTACT_REVEAL = "contact_reveal", _("Phone number shown")
        ENQUIRY = "enquiry", _("Enquiry started")
        BOOKING_CONFIRMED = "booking_confirmed", _("Booking confirmed")
        BOOKING_COMPLETED = "booking_completed", _("Appointment completed")
        BOOKING_NO_SHOW = "booking_no_show", _("Client did not come")
        DIRECTORY_SEARCH = "search", _("Directory search")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    # Plain ids, not foreign keys: the stream outlives what it talks about and is
    # written without touching other apps' tables.
    user_id = models.PositiveIntegerField(_("person"), null=True, blank=True)
    course_id = models.PositiveIntegerField(_("course"), null=True, blank=True)
    lesson_id = models.PositiveIntegerField(_("lesson"), null=True, blank=True)
    props = models.JSONField(_("properties"), default=dict, blank=True)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now)
    # How many occurrences the row stands for: the drain writes one row per key and
    # minute for what was counted on the request path (analytics/counted_events.py),
    # every other row is one occurrence. Counts are therefore sums of ``times``. The
    # database keeps the default too, for rows inserted in SQL (the bench, a replica).
    times = models.PositiveIntegerField(
        _("occurrences"), default=1, db_default=1, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["occurred_at", "kind"]),
            models.Index(fields=["course_id", "occurred_at"]),
            models.Index(fields=["user_id", "course_id", "kind"]),
        ]

    def __str__(self):
        return f"{self.kind} {self.occurred_at:%Y-%m-%d %H:%M}"


class CourseDay(models.Model):
    """The funnel of one course on one day (Africa/Douala)."""

    course_id = models.PositiveIntegerField(_("course"))
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("page views"), default=0)
    enrolments = models.PositiveIntegerField(_("enrolments"), default=0)
    # Students who opened their first lesson of the course that day.
    first_lessons = models.PositiveIntegerField(_("first lessons"), default=0)
    completions = models.PositiveIntegerField(_("completions"), default=0)
    certificates = models.PositiveIntegerField(_("certificates"), default=0)

    class Meta:
        verbose_name = _("course day")
        verbose_name_plural = _("course days")
        constraints = [
            models.UniqueConstraint(fields=["course_id", "day"], name="one_course_day"),
        ]

    def __str__(self):
        return f"course {self.course_id} {self.day}"


class LessonDay(models.Model):
    """Per lesson and day: students reaching it for the first time, students finishing
    it, and how long finishing took (whole minutes from first opening → count), from
    which the dashboard reads the median over any period."""

    course_id = models.PositiveIntegerField(_("course"))
    lesson_id = models.PositiveIntegerField(_("lesson"))
    day = models.DateField(_("day"))
    reached = models.PositiveIntegerField(_("reached"), default=0)
    done = models.PositiveIntegerField(_("done"), default=0)
    minutes = models.JSONField(_("minutes to finish"), default=dict, blank=True)

    class Meta:
        verbose_name = _("lesson day")
        verbose_name_plural = _("lesson days")
        constraints = [
            models.UniqueConstraint(fields=["lesson_id", "day"], name="one_lesson_day"),
        ]
        indexes = [models.Index(fields=["course_id", "day"])]

    def __str__(self):
        return f"lesson {self.lesson_id} {self.day}"


class VideoDay(models.Model):
    """Per lesson and day: students whose player reported each quartile."""

    course_id = models.PositiveIntegerField(_("course"))
    lesson_id = models.PositiveIntegerField(_("lesson"))
    day = models.DateField(_("day"))
    q25 = models.PositiveIntegerField(default=0)
    q50 = models.PositiveIntegerField(default=0)
    q75 = models.PositiveIntegerField(default=0)
    q100 = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("video day")
        verbose_name_plural = _("video days")
        constraints = [
            models.UniqueConstraint(fields=["lesson_id", "day"], name="one_video_day"),
        ]
        indexes = [models.Index(fields=["course_id", "day"])]

    def __str__(self):
        return f"video lesson {self.lesson_id} {self.day}"


class QuizMissDay(models.Model):
    """Per quiz question and day: how often it was missed, and each wrong choice picked."""

    course_id = models.PositiveIntegerField(_("course"))
    lesson_id = models.PositiveIntegerField(_("lesson"))
    quiz_id = models.CharField(_("quiz block"), max_length=64)
    question_id = models.CharField(_("question"), max_length=64)
    day = models.DateField(_("day"))
    misses = models.PositiveIntegerField(_("misses"), default=0)
    wrong_choices = models.JSONField(_("wrong choices picked"), default=dict, blank=True)

    class Meta:
        verbose_name = _("quiz miss day")
        verbose_name_plural = _("quiz miss days")
        constraints = [
            models.UniqueConstraint(
                fields=["lesson_id", "quiz_id", "question_id", "day"], name="one_quiz_miss_day"
            ),
        ]
        indexes = [models.Index(fields=["course_id", "day"])]

    def __str__(self):
        return f"question {self.question_id} {self.day}"


class LearnerActivity(models.Model):
    """A student's last activity in a course, kept by the rollup for "students at risk"."""

    course_id = models.PositiveIntegerField(_("course"))
    user_id = models.PositiveIntegerField(_("student"))
    last_active_at = models.DateTimeField(_("last active"))

    class Meta:
        verbose_name = _("learner activity")
        verbose_name_plural = _("learner activity")
        constraints = [
            models.UniqueConstraint(fields=["course_id", "user_id"], name="one_activity_row"),
        ]

    def __str__(self):
        return f"{self.user_id} in {self.course_id}"


class ProfessionalDay(models.Model):
    """A professional's funnel on one day: profile views, "show number" taps, enquiries
    (conversations started about her), bookings confirmed, appointments completed, and
    clients who did not come."""

    professional_id = models.PositiveIntegerField(_("professional"))
    day = models.DateField(_("day"))
    profile_views = models.PositiveIntegerField(_("profile views"), default=0)
    contact_reveals = models.PositiveIntegerField(_("phone number shown"), default=0)
    enquiries = models.PositiveIntegerField(_("enquiries"), default=0)
    bookings = models.PositiveIntegerField(_("bookings"), default=0)
    completed = models.PositiveIntegerField(_("completed"), default=0)
    no_shows = models.PositiveIntegerField(_("no-shows"), default=0)

    class Meta:
        verbose_name = _("professional day")
        verbose_name_plural = _("professional days")
        constraints = [
            models.UniqueConstraint(fields=["professional_id", "day"], name="one_professional_day"),
        ]

    def __str__(self):
        return f"professional {self.professional_id} {self.day}"


class SignupDay(models.Model):
    """People who signed up on one day, per region and role. A person holding several
    roles counts once in each; the ``ALL`` row counts each person once."""

    class Role(models.TextChoices):
        ALL = "all", _("Everyone")
        STUDENT = "student", _("Students")
        CLIENT = "client", _("Clients")
        INSTRUCTOR = "instructor", _("Instructors")
        PROFESSIONAL = "professional", _("Professionals")

    day = models.DateField(_("day"))
    role = models.CharField(_("role"), max_length=12, choices=Role)
    region = models.CharField(_("region"), max_length=2, blank=True)
    people = models.PositiveIntegerField(_("people"), default=0)

    class Meta:
        verbose_name = _("sign-up day")
        verbose_name_plural = _("sign-up days")
        constraints = [
            models.UniqueConstraint(fields=["day", "role", "region"], name="one_signup_day"),
        ]

    def __str__(self):
        return f"{self.role} {self.region} {self.day}"


class LearnerDay(models.Model):
    """A student who did something in a course on a day (one row each), with the month
    she signed up in and how many whole weeks later that was: the daily and weekly
    active learners and the cohort retention are counts over these rows."""

    day = models.DateField(_("day"))
    user_id = models.PositiveIntegerField(_("student"))
    cohort = models.DateField(_("month signed up"), null=True, blank=True)
    week = models.PositiveIntegerField(_("weeks after signing up"), null=True, blank=True)

    class Meta:
        verbose_name = _("learner day")
        verbose_name_plural = _("learner days")
        constraints = [
            models.UniqueConstraint(fields=["day", "user_id"], name="one_learner_day"),
        ]
        indexes = [models.Index(fields=["cohort", "week"])]

    def __str__(self):
        return f"{self.user_id} {self.day}"


class ActiveLearnersDay(models.Model):
    """How many students did something in a course on a day, in its calendar week so far
    (Monday to that day), and in the 7 and 28 days ending that day: each person once.
    Written by the rollup from the learner days, so the dashboards read one row a day
    instead of counting distinct people over millions of rows."""

    day = models.DateField(_("day"), unique=True)
    daily = models.PositiveIntegerField(_("active that day"), default=0)
    week_to_date = models.PositiveIntegerField(_("active this week so far"), default=0)
    last_7_days = models.PositiveIntegerField(_("active in the last 7 days"), default=0)
    last_28_days = models.PositiveIntegerField(_("active in the last 28 days"), default=0)

    class Meta:
        verbose_name = _("active learners day")
        verbose_name_plural = _("active learners days")

    def __str__(self):
        return f"{self.day}: {self.daily}"


class CohortWeek(models.Model):
    """Students who signed up in a month (the cohort) and were active some day of a
    given week after signing up, each once: the retention table's cells, kept up to
    date by the rollup for the weeks that table shows."""

    # The weeks the retention table shows (the only ones kept).
    WEEKS = (1, 4, 12)

    cohort = models.DateField(_("month signed up"))
    week = models.PositiveIntegerField(_("weeks after signing up"))
    learners = models.PositiveIntegerField(_("active students"), default=0)

    class Meta:
        verbose_name = _("cohort week")
        verbose_name_plural = _("cohort weeks")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "week"], name="one_cohort_week"),
        ]

    def __str__(self):
        return f"{self.cohort} +{self.week}"


class PaymentDay(models.Model):
    """One payment provider on one day: payments started and how they ended, money
    taken and refunds settled (FCFA)."""

    day = models.DateField(_("day"))
    provider = models.CharField(_("provider"), max_length=16)
    attempts = models.PositiveIntegerField(_("payments started"), default=0)
    paid = models.PositiveIntegerField(_("paid"), default=0)
    failed = models.PositiveIntegerField(_("failed or expired"), default=0)
    paid_xaf = models.PositiveBigIntegerField(_("taken (FCFA)"), default=0)
    refunds = models.PositiveIntegerField(_("refunds"), default=0)
    refunded_xaf = models.PositiveBigIntegerField(_("refunded (FCFA)"), default=0)

    class Meta:
        verbose_name = _("payment day")
        verbose_name_plural = _("payment days")
        constraints = [
            models.UniqueConstraint(fields=["day", "provider"], name="one_payment_day"),
        ]

    def __str__(self):
        return f"{self.provider} {self.day}"


class SearchDay(models.Model):
    """Directory searches on one day per town and service asked for (slugs; "" when
    the search named none)."""

    day = models.DateField(_("day"))
    town = models.CharField(_("town"), max_length=64, blank=True)
    service = models.CharField(_("service"), max_length=64, blank=True)
    searches = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search day")
        verbose_name_plural = _("search days")
        constraints = [
            models.UniqueConstraint(fields=["day", "town", "service"], name="one_search_day"),
        ]

    def __str__(self):
        return f"{self.town}/{self.service} {self.day}"


class RatingDay(models.Model):
    """The visible ratings a course received on one day: how many and their stars."""

    course_id = models.PositiveIntegerField(_("course"))
    day = models.DateField(_("day"))
    ratings = models.PositiveIntegerField(_("ratings"), default=0)
    stars = models.PositiveIntegerField(_("stars"), default=0)

    class Meta:
        verbose_name = _("rating day")
        verbose_name_plural = _("rating days")
        constraints = [
            models.UniqueConstraint(fields=["course_id", "day"], name="one_rating_day"),
        ]

    def __str__(self):
        return f"course {self.course_id} {self.day}"
