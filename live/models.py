"""Live sessions (a class of a course, a practice session of a study group, an expert
Q&A), who registered or waits for a place, the reminders already sent, and who is in
the room. A class points at the default-locale course page (state follows the
content, not the language); times are stored aware and shown in Africa/Douala."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from checkout.money import format_xaf

MIN_MINUTES, MAX_MINUTES = 15, 180
MAX_CAPACITY = 20
# "Join" shows this long before the start, until the end.
JOIN_OPENS_BEFORE = timedelta(minutes=10)


def new_meeting_id():
    return uuid.uuid4().hex


class LiveSession(models.Model):
    class Kind(models.TextChoices):
        CLASS = "class", _("Live class")
        PRACTICE = "practice", _("Practice session")
        EXPERT_QA = "expert_qa", _("Expert Q&A")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        ENDED = "ended", _("Ended")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    title_fr = models.CharField(_("title in French"), max_length=120)
    title_en = models.CharField(_("title in English"), max_length=120)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        related_name="hosted_live_sessions",
    )
    course = models.ForeignKey(
        "course_pages.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    group = models.ForeignKey(
        "community.Group",
        verbose_name=_("study group"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    starts_at = models.DateTimeField(_("starts"))
    duration_minutes = models.PositiveSmallIntegerField(_("length (minutes)"))
    capacity = models.PositiveSmallIntegerField(_("places"))
    price_xaf = models.PositiveIntegerField(
        _("price (FCFA)"), default=0, help_text=_("Whole francs CFA; 0 means free.")
    )
    refund_hours = models.PositiveSmallIntegerField(
        _("full refund until (hours before)"), default=24
    )
    allow_recording = models.BooleanField(_("recording allowed"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.SCHEDULED)
    # The room's name at the video service and in its callbacks: unguessable.
    meeting_id = models.CharField(max_length=32, unique=True, default=new_meeting_id)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    created_at = models.DateTimeField(_("scheduled on"), auto_now_add=True)

    class Meta:
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["status", "starts_at"]),
            models.Index(fields=["host", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=MIN_MINUTES)
                & models.Q(duration_minutes__lte=MAX_MINUTES),
                name="live_session_length_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1) & models.Q(capacity__lte=MAX_CAPACITY),
                name="live_session_capacity_in_range",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="class") | models.Q(course__isnull=False),
                name="live_class_has_a_course",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="practice") | models.Q(group__isnull=False),
                name="live_practice_has_a_group",
            ),
        ]

    def __str__(self):
        return f"{self.title_fr} ({self.starts_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("live:session", args=[self.pk])

    @property
    def title(self):
        """The title in the reader's language."""
        return self.title_en if (get_language() or "fr")[:2] == "en" else self.title_fr

    # What a follower's feed line names (community.follows).
    feed_title = title

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def join_opens_at(self):
        return self.starts_at - JOIN_OPENS_BEFORE

    @property
    def places_left(self):
        """Needs the `taken` count the selectors annotate."""
        return max(self.capacity - self.taken, 0)

    @property
    def is_free(self):
        return self.price_xaf == 0

    @property
    def price_label(self):
        """The price as the reader writes money ("2 500 FCFA", "FCFA 2,500"); "" if free."""
        return "" if self.is_free else format_xaf(self.price_xaf)


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="live_registrations",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status)
    # The waiting list moves up in this order; registering again queues again.
    queued_at = models.DateTimeField(_("asked"))
    registered_at = models.DateTimeField(_("got a place"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    # The order that paid for this place (a paid session); None for a free place.
    order = models.ForeignKey(
        "checkout.Order",
        verbose_name=_("paid by order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_registration_per_person")
        ]
        indexes = [models.Index(fields=["session", "status", "queued_at"])]

    def __str__(self):
        return f"{self.user} in {self.session_id}: {self.status}"


class PlaceRefund(models.Model):
    """Money for a place going back to its buyer, decided here: the place was gone when
    the payment arrived, the person cancelled in time, or the host cancelled. One per
    order (a replayed decision finds it), claimed by the job that asks checkout."""

    class Reason(models.TextChoices):
        PLACE_GONE = "place_gone", _("No place left when the payment arrived")
        CANCELLED_IN_TIME = "cancelled_in_time", _("Cancelled before the refund limit")
        SESSION_CANCELLED = "session_cancelled", _("The session was cancelled")

    order = models.OneToOneField("checkout.Order", on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey(LiveSession, on_delete=models.PROTECT, related_name="place_refunds")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("why"), max_length=20, choices=Reason)
    amount_xaf = models.PositiveIntegerField(_("amount (FCFA)"))
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(_("refund started"), null=True, blank=True)
    refunded_at = models.DateTimeField(_("refunded"), null=True, blank=True)
    # The provider kept refusing: the order is flagged for a refund by hand.
    gave_up_at = models.DateTimeField(_("left for a refund by hand"), null=True, blank=True)

    class Meta:
        verbose_name = _("live place refund")
        verbose_name_plural = _("live place refunds")

    def __str__(self):
        return f"order {self.order_id}: {self.amount_xaf} XAF ({self.reason})"


class Reminder(models.Model):
    """A reminder sent: at most one per person, session and kind (the beat task may run
    twice, or on two workers)."""

    class Kind(models.TextChoices):
        DAY_BEFORE = "24h", _("24 hours before")
        JUST_BEFORE = "15m", _("15 minutes before")

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=3, choices=Kind)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind"], name="one_reminder_per_kind")
        ]

    def __str__(self):
        return f"{self.registration_id}: {self.kind}"


class Presence(models.Model):
    """One stay in the room: when a person came in and left. Open stays are who is
    there now; all of them are the session's attendance."""

    class Role(models.TextChoices):
        MODERATOR = "moderator", _("Host")
        ATTENDEE = "attendee", _("Attendee")

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_presences"
    )
    role = models.CharField(max_length=10, choices=Role)
    joined_at = models.DateTimeField(_("came in"))
    last_seen_at = models.DateTimeField()
    left_at = models.DateTimeField(_("left"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=models.Q(left_at__isnull=True),
                name="one_open_stay_per_person",
            ),
            # The video service's attendance report may come twice: a stay is kept once.
            models.UniqueConstraint(
                fields=["session", "user", "joined_at"], name="one_stay_per_arrival"
            ),
        ]
        indexes = [models.Index(fields=["session", "left_at"])]

    def __str__(self):
        return f"{self.user_id} in {self.session_id} from {self.joined_at:%H:%M}"

    @property
    def minutes(self):
        """How long a finished stay lasted, in whole minutes (None while still in)."""
        if self.left_at is None:
            return None
        return round((self.left_at - self.joined_at).total_seconds() / 60)


class SessionRecording(models.Model):
    """A recording the video service made of a session (only when the host allowed it),
    fetched once into a lesson video, then perhaps added to the course as a lesson."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting to be fetched")
        FETCHING = "fetching", _("Being fetched")
        FETCHED = "fetched", _("Fetched")
        FAILED = "failed", _("Could not be fetched")

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="recordings")
    # The video service's id for it (BigBlueButton's recordID).
    record_id = models.CharField(max_length=256)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.WAITING)
    failure_reason = models.TextField(_("reason for the failure"), blank=True)
    video = models.ForeignKey(
        "course_pages.LessonVideo",
        verbose_name=_("lesson video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lesson = models.ForeignKey(
        "course_pages.LessonPage",
        verbose_name=_("lesson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("session recording")
        verbose_name_plural = _("session recordings")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "record_id"], name="one_row_per_recording")
        ]

    def __str__(self):
        return f"{self.session_id}: {self.record_id} ({self.status})"


class Rating(models.Model):
    """What an attendee thought of a session, once it is over (one per person; rating
    again replaces it)."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="ratings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_ratings"
    )
    stars = models.PositiveSmallIntegerField(_("stars"))
    comment = models.TextField(_("comment"), max_length=500, blank=True)
    rated_at = models.DateTimeField(_("rated"), auto_now=True)

    class Meta:
        verbose_name = _("session rating")
        verbose_name_plural = _("session ratings")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_rating_per_person"),
            models.CheckConstraint(
                condition=models.Q(stars__gte=1) & models.Q(stars__lte=5),
                name="live_rating_stars_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.user_id} on {self.session_id}: {self.stars}"
