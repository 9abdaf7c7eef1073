"""Learning state: enrolments, progress, quiz attempts, practice work and reviews.

State follows the content, not the language: every row points at the course or
lesson page in the default locale (French), so switching language keeps it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import moderation
from core.private_storage import private_storage


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        REVOKED = "revoked", _("Access removed")

    class Source(models.TextChoices):
        FREE = "free", _("Free course")
        PURCHASE = "purchase", _("Purchase")
        SUBSCRIPTION = "subscription", _("Subscription")
        MANUAL = "manual", _("Added by a moderator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("student"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        "course_pages.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.ACTIVE)
    source = models.CharField(_("how"), max_length=12, choices=Source, default=Source.FREE)
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_lesson = models.ForeignKey(
        "course_pages.LessonPage",
        verbose_name=_("last lesson opened"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="one_enrolment_per_course")
        ]

    def __str__(self):
        return f"{self.user} → {self.course}"


class LessonProgress(models.Model):
    class Reason(models.TextChoices):
        MARKED = "marked", _("Marked as done")
        QUIZ = "quiz", _("Quiz passed")
        ASSIGNMENT = "assignment", _("Practice work accepted")
        TESTED_OUT = "tested_out", _("Tested out by a quiz score")

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="progress"
    )
    lesson = models.ForeignKey(
        "course_pages.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("why"), max_length=10, choices=Reason)
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="one_progress_per_lesson")
        ]

    def __str__(self):
        return f"{self.enrolment_id} ✓ {self.lesson_id}"


class QuizAttempt(models.Model):
    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    lesson = models.ForeignKey(
        "course_pages.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    quiz_id = models.CharField(_("quiz block"), max_length=64)
    answers = models.JSONField(_("answers"), default=dict)
    score_percent = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    created_at = models.DateTimeField(_("taken"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["enrolment", "quiz_id", "created_at"])]

    def __str__(self):
        return f"{self.quiz_id}: {self.score_percent} %"


class ExamAttempt(models.Model):
    """One sitting of a course's final exam: the questions drawn and the deadline are
    fixed on the server when it starts; the answers are graded when it is handed in."""

    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        PASSED = "passed", _("Passed")
        FAILED = "failed", _("Not passed")
        EXPIRED = "expired", _("Time ran out")

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="exam_attempts",
    )
    assessment_id = models.CharField(_("assessment block"), max_length=64)
    # The ids of the questions drawn from the bank, in the order they are shown.
    question_ids = models.JSONField(_("questions drawn"), default=list)
    started_at = models.DateTimeField(_("started"))
    deadline = models.DateTimeField(_("deadline"))
    status = models.CharField(_("status"), max_length=8, choices=Status, default=Status.OPEN)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    score_percent = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    handed_in_at = models.DateTimeField(_("handed in"), null=True, blank=True)
    # A moderator lifted the 24-hour wait after this attempt (the next one may start at
    # once); who and why are in the support log.
    wait_lifted_at = models.DateTimeField(_("wait lifted"), null=True, blank=True)
    wait_lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("wait lifted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("exam attempt")
        verbose_name_plural = _("exam attempts")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=models.Q(status="open"),
                name="one_open_exam_attempt",
            ),
            models.CheckConstraint(
                condition=models.Q(score_percent__lte=100), name="exam_score_at_most_100"
            ),
        ]

    def __str__(self):
        return f"{self.enrolment_id} · {self.started_at:%Y-%m-%d %H:%M} · {self.status}"


class Submission(models.Model):
    class Status(models.TextChoices):
        AWAITING_PEERS = "peers", _("Waiting for peer reviews")
        AWAITING_INSTRUCTOR = "instructor", _("Waiting for the instructor")
        ACCEPTED = "accepted", _("Accepted")
        NEEDS_WORK = "needs_work", _("Needs another try")

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    lesson = models.ForeignKey(
        "course_pages.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    assignment_id = models.CharField(_("assignment block"), max_length=64)
    note = models.TextField(_("note to reviewers"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.AWAITING_PEERS
    )
    submitted_at = models.DateTimeField(_("handed in"), auto_now_add=True)
    verdict_comment = models.TextField(_("instructor's comments"), blank=True)
    verdict_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verdict_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # {criterion id: 1–5}: the instructor's grade on the rubric, when she gave one.
    verdict_scores = models.JSONField(_("instructor's rubric scores"), default=dict, blank=True)

    class Meta:
        verbose_name = _("practice work")
        verbose_name_plural = _("practice work")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"{self.enrolment.user} · {self.lesson}"


class SubmissionPhoto(models.Model):
    submission = models.ForeignKey(
        Submission,
        verbose_name=_("practice work"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.FileField(
        _("photo (WebP)"), upload_to="submissions/%Y/%m/", storage=private_storage
    )
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["position"]

    def __str__(self):
        return self.image.name


class SubmissionVideo(models.Model):
    """The one short video a student may hand in with (or instead of) photos. The
    upload is kept only until a task has made the small MP4 and its poster, which are
    all reviewers ever download."""

    class State(models.TextChoices):
        PROCESSING = "processing", _("Video being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be prepared")

    Visibility = moderation.Visibility

    submission = models.OneToOneField(
        Submission,
        verbose_name=_("practice work"),
        on_delete=models.CASCADE,
        related_name="video",
    )
    original = models.FileField(
        _("video as uploaded"),
        upload_to="submissions/videos/uploads/%Y/%m/",
        storage=private_storage,
        blank=True,
    )
    file = models.FileField(
        _("video (MP4)"), upload_to="submissions/videos/%Y/%m/", storage=private_storage, blank=True
    )
    poster = models.FileField(
        _("poster (WebP)"),
        upload_to="submissions/videos/%Y/%m/",
        storage=private_storage,
        blank=True,
    )
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PROCESSING)
    duration_seconds = models.PositiveSmallIntegerField(_("length (seconds)"))
    width = models.PositiveIntegerField(_("width"), default=0)
    height = models.PositiveIntegerField(_("height"), default=0)
    size_bytes = models.PositiveIntegerField(_("size (bytes)"), default=0)
    visibility = models.CharField(
        _("visibility"), max_length=8, choices=Visibility, default=Visibility.VISIBLE, blank=True
    )
    created_at = models.DateTimeField(_("handed in"), auto_now_add=True)

    class Meta:
        verbose_name = _("practice video")
        verbose_name_plural = _("practice videos")

    def __str__(self):
        return f"{self.submission_id} · {self.state}"

    @property
    def is_ready(self):
        return self.state == self.State.READY

    @property
    def is_visible(self):
        return self.visibility == self.Visibility.VISIBLE


class PeerReview(models.Model):
    submission = models.ForeignKey(
        Submission,
        verbose_name=_("practice work"),
        on_delete=models.CASCADE,
        related_name="peer_reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="peer_reviews_given",
    )
    scores = models.JSONField(_("scores per criterion"), default=dict)
    comment = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("peer review")
        verbose_name_plural = _("peer reviews")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "reviewer"], name="one_peer_review_per_reviewer"
            )
        ]

    def __str__(self):
        return f"{self.reviewer_id} → {self.submission_id}"


class OfflineAction(models.Model):
    """A learning action taken on the phone without network and sent later. The key the
    phone made for it is unique per person, so a queue sent ten times counts once: a
    replay finds this row and gets the same answer."""

    class Kind(models.TextChoices):
        LESSON_DONE = "lesson_done", _("Lesson marked as done")
        QUIZ_ANSWER = "quiz_answer", _("Quiz answered")

    class Outcome(models.TextChoices):
        APPLIED = "applied", _("Applied")
        REFUSED = "refused", _("Refused")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("student"),
        on_delete=models.CASCADE,
        related_name="offline_actions",
    )
    idempotency_key = models.UUIDField(_("key made by the phone"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    lesson = models.ForeignKey(
        "course_pages.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome)
    # What the student was told, in her language at the time: a replay tells it again.
    message = models.CharField(_("message"), max_length=300, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    done_at = models.DateTimeField(_("done on the phone at"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("offline action")
        verbose_name_plural = _("offline actions")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "idempotency_key"], name="one_offline_action_per_key"
            )
        ]

    def __str__(self):
        return f"{self.user_id} · {self.kind} · {self.idempotency_key}"


class CourseReview(models.Model):
    """A student's rating (1–5) of a course she has half done, with an optional review,
    and the instructor's one answer. Hidden reviews leave the course's average."""

    MAX_TEXT = 2000

    Visibility = moderation.Visibility

    course = models.ForeignKey(
        "course_pages.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("student"),
        on_delete=models.CASCADE,
        related_name="course_reviews",
    )
    rating = models.PositiveSmallIntegerField(_("rating (1 to 5)"))
    text = models.TextField(_("review"), max_length=MAX_TEXT, blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    answer = models.TextField(_("instructor's answer"), max_length=MAX_TEXT, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=8, choices=Visibility, default=Visibility.VISIBLE, blank=True
    )
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)

    class Meta:
        verbose_name = _("course review")
        verbose_name_plural = _("course reviews")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="one_review_per_course"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="rating_from_1_to_5"
            ),
        ]
        indexes = [models.Index(fields=["course", "visibility", "created_at"])]

    def __str__(self):
        return f"{self.user} · {self.course} · {self.rating}"

    @property
    def is_visible(self):
        return self.visibility == self.Visibility.VISIBLE


class CourseRating(models.Model):
    """The rollup of a course's visible ratings, rewritten by the review services, so
    the course page and the catalogue read one row instead of counting reviews."""

    course = models.OneToOneField(
        "course_pages.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="rating",
        primary_key=True,
    )
    count = models.PositiveIntegerField(_("ratings"), default=0)
    average = models.DecimalField(_("average rating"), max_digits=3, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("course rating")
        verbose_name_plural = _("course ratings")

    def __str__(self):
        return f"{self.course_id}: {self.average} ({self.count})"


class PrerequisiteWaiver(models.Model):
    """An instructor (for her course) or a moderator lets one student enrol without one
    prerequisite: who, when and why are kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("student"),
        on_delete=models.CASCADE,
        related_name="prerequisite_waivers",
    )
    course = models.ForeignKey(
        "course_pages.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    prerequisite = models.ForeignKey(
        "course_pages.CoursePage",
        verbose_name=_("prerequisite waived"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("why"), max_length=300)
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("waived by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    waived_at = models.DateTimeField(_("waived"), auto_now_add=True)

    class Meta:
        verbose_name = _("prerequisite waiver")
        verbose_name_plural = _("prerequisite waivers")
        ordering = ["-waived_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course", "prerequisite"], name="one_waiver_per_prerequisite"
            )
        ]

    def __str__(self):
        return f"{self.user_id}: {self.prerequisite_id} waived for {self.course_id}"


class CoEnrolment(models.Model):
    """How many students took both courses, for "students who took this course also
    took …": rebuilt whole every night (enrolment.recommendations), only pairs shared by
    enough students to say something, both sides default-locale courses."""

    course = models.ForeignKey(
        "course_pages.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    other = models.ForeignKey(
        "course_pages.CoursePage",
        verbose_name=_("also taken"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    shared_students = models.PositiveIntegerField(_("students who took both"))

    class Meta:
        verbose_name = _("co-enrolment")
        verbose_name_plural = _("co-enrolments")
        constraints = [
            models.UniqueConstraint(fields=["course", "other"], name="one_co_enrolment_per_pair")
        ]
        indexes = [models.Index(fields=["course", "-shared_students"])]

    def __str__(self):
        return f"{self.course_id} + {self.other_id}: {self.shared_students}"


class SimilarityCheck(models.Model):
    """That a piece of practice work was compared with the earlier work of its
    assignment (enrolment.similarity), and what could not be compared and why. One per
    submission: the check runs once, however often its task is queued."""

    class Text(models.TextChoices):
        COMPARED = "compared", _("Compared")
        EMPTY = "empty", _("No note to compare")
        TOO_SHORT = "too_short", _("Note too short to compare")

    submission = models.OneToOneField(
        Submission,
        verbose_name=_("practice work"),
        on_delete=models.CASCADE,
        related_name="similarity_check",
        primary_key=True,
    )
    text = models.CharField(_("note"), max_length=10, choices=Text)
    checked_at = models.DateTimeField(_("checked"), auto_now_add=True)

    class Meta:
        verbose_name = _("similarity check")
        verbose_name_plural = _("similarity checks")

    def __str__(self):
        return f"{self.submission_id}: {self.text}"


class TextFingerprint(models.Model):
    """The MinHash signature of a submission's note, kept so that a new submission is
    compared without signing every earlier one again. Its LSH band keys are rows of
    TextBand: only submissions sharing a band key are compared in full."""

    submission = models.OneToOneField(
        Submission,
        verbose_name=_("practice work"),
        on_delete=models.CASCADE,
        related_name="text_fingerprint",
        primary_key=True,
    )
    # The assignment, copied from the submission so one index finds its fingerprints.
    lesson = models.ForeignKey(
        "course_pages.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    assignment_id = models.CharField(_("assignment block"), max_length=64)
    signature = models.BinaryField(_("MinHash signature"))

    class Meta:
        verbose_name = _("text fingerprint")
        verbose_name_plural = _("text fingerprints")

    def __str__(self):
        return f"text of {self.submission_id}"


class TextBand(models.Model):
    fingerprint = models.ForeignKey(
        TextFingerprint, verbose_name=_("fingerprint"), on_delete=models.CASCADE, related_name="+"
    )
    lesson = models.ForeignKey(
        "course_pages.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    assignment_id = models.CharField(_("assignment block"), max_length=64)
    key = models.BigIntegerField(_("band key"))

    class Meta:
        verbose_name = _("text band")
        verbose_name_plural = _("text bands")
        indexes = [models.Index(fields=["lesson", "assignment_id", "key"])]

    def __str__(self):
        return f"{self.fingerprint_id}: {self.key}"


class PhotoFingerprint(models.Model):
    """The perceptual hashes (pHash and dHash, 64 bits each) and average colour of a
    practice-work photo as handed in, or why it has none (too small, too plain,
    unreadable)."""

    class Problem(models.TextChoices):
        NONE = "", _("Compared")
        TOO_SMALL = "too_small", _("Too small to compare")
        PLAIN = "plain", _("Too plain to compare")
        UNREADABLE = "unreadable", _("Could not be read")

    photo = models.OneToOneField(
        SubmissionPhoto,
        verbose_name=_("photo"),
        on_delete=models.CASCADE,
        related_name="fingerprint",
        primary_key=True,
    )
    lesson = models.ForeignKey(
        "course_pages.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    assignment_id = models.CharField(_("assignment block"), max_length=64)
    phash = models.BigIntegerField(_("perceptual hash"), null=True, blank=True)
    dhash = models.BigIntegerField(_("difference hash"), null=True, blank=True)
    colour = models.PositiveIntegerField(_("average colour (0xRRGGBB)"), null=True, blank=True)
    problem = models.CharField(
        _("problem"), max_length=10, choices=Problem, default=Problem.NONE, blank=True
    )

    class Meta:
        verbose_name = _("photo fingerprint")
        verbose_name_plural = _("photo fingerprints")
        indexes = [models.Index(fields=["lesson", "assignment_id"])]

    def __str__(self):
        return f"photo {self.photo_id}"


class SimilarityMatch(models.Model):
    """Practice work found similar to earlier work of the same assignment, or to one of
    the course's own example photos. Shown to the instructor and peer reviewers, who
    decide; it changes nothing by itself."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Note")
        PHOTO = "photo", _("Photo")
        EXAMPLE = "example", _("Example photo of the course")

    # The later of the two pieces of work: the one that may have been copied.
    submission = models.ForeignKey(
        Submission,
        verbose_name=_("practice work"),
        on_delete=models.CASCADE,
        related_name="similarity_matches",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind)
    percent = models.PositiveSmallIntegerField(_("similarity (%)"))
    # Which pair this is ("text:12", "photo:31:7", "example:31:4"): one row per pair.
    pair = models.CharField(_("pair"), max_length=40)
    photo = models.ForeignKey(
        SubmissionPhoto,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    other = models.ForeignKey(
        Submission,
        verbose_name=_("earlier practice work"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    other_photo = models.ForeignKey(
        SubmissionPhoto,
        verbose_name=_("earlier photo"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    example_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("example photo"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    found_at = models.DateTimeField(_("found"), auto_now_add=True)

    class Meta:
        verbose_name = _("similar work")
        verbose_name_plural = _("similar work")
        ordering = ["-percent", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "pair"], name="one_match_per_pair"),
            models.CheckConstraint(
                condition=models.Q(percent__lte=100), name="similarity_at_most_100"
            ),
        ]

    def __str__(self):
        return f"{self.submission_id} ~ {self.pair} ({self.percent} %)"


class SimilarityLook(models.Model):
    """A reviewer looked at a match and said what she thinks: one mark per person and
    match, which she may change. Nothing follows from it automatically."""

    class Verdict(models.TextChoices):
        FINE = "fine", _("Looked at: fine")
        NOT_OWN = "not_own", _("Looked at: not own work")

    match = models.ForeignKey(
        SimilarityMatch,
        verbose_name=_("similar work"),
        on_delete=models.CASCADE,
        related_name="looks",
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("looked at by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    verdict = models.CharField(_("verdict"), max_length=8, choices=Verdict)
    looked_at = models.DateTimeField(_("looked at"), auto_now=True)

    class Meta:
        verbose_name = _("look at similar work")
        verbose_name_plural = _("looks at similar work")
        ordering = ["looked_at"]
        constraints = [models.UniqueConstraint(fields=["match", "by"], name="one_look_per_person")]

    def __str__(self):
        return f"{self.by_id} · {self.match_id}: {self.verdict}"


# Streaks, points and weekly goals live in their own package (enrolment.motivation);
# imported here so Django files them under this app.
from .motivation.models import PointsAward, Streak, WeeklyGoal  # noqa: E402, F401
