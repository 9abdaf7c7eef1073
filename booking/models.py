"""Bookings and the rules that decide when a professional can be booked.

Everything points at the default-locale ProfessionalPage, so a client switching
language sees the same bookings and a professional keeps one calendar."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

from .dates import EARLIEST_DAY, LATEST_DAY, moment


class Schedule(ClusterableModel):
    """A professional's booking rules. Its row is also the lock that serialises
    bookings of that professional (see booking.services)."""

    professional = models.OneToOneField(
        "directory.ProfessionalPage",
        verbose_name=_("professional"),
        on_delete=models.CASCADE,
        related_name="booking_schedule",
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        _("break between appointments (minutes)"), default=15, validators=[MaxValueValidator(240)]
    )
    min_notice_hours = models.PositiveSmallIntegerField(
        _("minimum notice (hours)"), default=12, validators=[MaxValueValidator(24 * 14)]
    )
    horizon_days = models.PositiveSmallIntegerField(
        _("clients may book up to (days ahead)"),
        default=60,
        validators=[MaxValueValidator(365)],
    )
    full_refund_hours = models.PositiveSmallIntegerField(
        _("full refund when the client cancels at least (hours before)"),
        default=24,
        validators=[MaxValueValidator(24 * 14)],
    )
    late_refund_percent = models.PositiveSmallIntegerField(
        _("refund when the client cancels later (% of the deposit)"),
        default=0,
        validators=[MaxValueValidator(100)],
    )

    panels = [
        FieldPanel("professional"),
        MultiFieldPanel(
            [
                FieldPanel("buffer_minutes"),
                FieldPanel("min_notice_hours"),
                FieldPanel("horizon_days"),
                FieldPanel("full_refund_hours"),
                FieldPanel("late_refund_percent"),
            ],
            heading=_("Rules"),
        ),
        InlinePanel("weekly_hours", heading=_("Opening hours"), label=_("range")),
        InlinePanel("time_off", heading=_("Time off"), label=_("time off")),
    ]

    class Meta:
        verbose_name = _("booking rules")
        verbose_name_plural = _("booking rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(horizon_days__gte=1), name="schedule_horizon_at_least_one_day"
            ),
            models.CheckConstraint(
                condition=Q(late_refund_percent__lte=100), name="schedule_late_refund_percent"
            ),
        ]

    def __str__(self):
        return str(self.professional)


class WeeklyHours(models.Model):
    """One opening range on one weekday; a day may have several."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    schedule = ParentalKey(
        Schedule, verbose_name=_("rules"), on_delete=models.CASCADE, related_name="weekly_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday)
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("to"))

    panels = [FieldPanel("weekday"), FieldPanel("start_time"), FieldPanel("end_time")]

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__lt=F("end_time")), name="weekly_hours_start_before_end"
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="weekly_hours_weekday"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    def clean(self):
        if self.start_time and self.end_time and self.start_time >= self.end_time:
            raise ValidationError({"end_time": _("The end must come after the start.")})


class TimeOff(models.Model):
    """A holiday, a day off or a few hours away: nothing can be booked then."""

    schedule = ParentalKey(
        Schedule, verbose_name=_("rules"), on_delete=models.CASCADE, related_name="time_off"
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("to"))
    reason = models.CharField(_("reason (private)"), max_length=120, blank=True)

    panels = [FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("reason")]

    class Meta:
        verbose_name = _("time off")
        verbose_name_plural = _("time off")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["schedule", "ends_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="time_off_start_before_end"
            )
        ]

    def __str__(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M} → {self.ends_at:%Y-%m-%d %H:%M}"

    def clean(self):
        earliest, latest = moment(EARLIEST_DAY), moment(LATEST_DAY)
        for field in ("starts_at", "ends_at"):
            value = getattr(self, field)
            if value and not earliest <= value <= latest:
                raise ValidationError({field: _("Choose a date between 2000 and 2100.")})
        if self.starts_at and self.ends_at and self.starts_at >= self.ends_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})


class Booking(models.Model):
    class Status(models.TextChoices):
        HELD = "held", _("Waiting for the deposit")
        CONFIRMED = "confirmed", _("Confirmed")
        COMPLETED = "completed", _("Completed")
        NO_SHOW = "no_show", _("Client did not come")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Expired (deposit not paid in time)")

    class CancelledBy(models.TextChoices):
        CLIENT = "client", _("the client")
        PROFESSIONAL = "professional", _("the professional")
        ACADEMY = "academy", _("the academy")

    # A booking in one of these states occupies the professional's time; the
    # PostgreSQL exclusion constraint (migration 0002) forbids two of them to overlap.
    OCCUPYING = (Status.HELD, Status.CONFIRMED, Status.COMPLETED, Status.NO_SHOW)

    reference = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    professional = models.ForeignKey(
        "directory.ProfessionalPage",
        verbose_name=_("professional"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    service = models.ForeignKey(
        "directory.Service",
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("client"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.HELD)
    hold_expires_at = models.DateTimeField(_("hold expires"), null=True, blank=True)
    # Copied from the service when the slot is held: later price changes do not apply.
    price_xaf = models.PositiveIntegerField(_("price (FCFA)"))
    deposit_xaf = models.PositiveIntegerField(_("deposit (FCFA)"))
    order = models.ForeignKey(
        "checkout.Order",
        verbose_name=_("deposit order"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The video room of an online consultation: a name nobody can guess, opened only
    # through our join view (booking.calls), never shown as a link. Empty in person.
    video_room = models.CharField(_("video room"), max_length=64, blank=True, editable=False)
    # Bumped each time the appointment moves, so calendars replace the old event.
    sequence = models.PositiveSmallIntegerField(_("calendar version"), default=0)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.CharField(
        _("cancelled by"), max_length=12, choices=CancelledBy, blank=True
    )
    # The deposit owed back to the client, and when the provider paid it back.
    refund_due_xaf = models.PositiveIntegerField(_("refund due (FCFA)"), default=0)
    refund_claimed_at = models.DateTimeField(_("refund started"), null=True, blank=True)
    refunded_at = models.DateTimeField(_("refunded"), null=True, blank=True)
    # Times the stuck-refund sweep asked again after the refund task was lost, and when
    # it gave up and handed the refund to the moderators.
    refund_requeues = models.PositiveSmallIntegerField(_("refund asked again"), default=0)
    refund_flagged_at = models.DateTimeField(_("refund handed to staff"), null=True, blank=True)
    review = models.OneToOneField(
        "directory.Review",
        verbose_name=_("review"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booking",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["professional", "status", "starts_at"]),
            models.Index(fields=["client", "starts_at"]),
            models.Index(fields=["status", "hold_expires_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="booking_starts_before_it_ends"
            ),
            models.CheckConstraint(
                condition=Q(deposit_xaf__lte=F("price_xaf")), name="booking_deposit_within_price"
            ),
            models.CheckConstraint(
                condition=Q(refund_due_xaf__lte=F("deposit_xaf")),
                name="booking_refund_within_deposit",
            ),
            models.CheckConstraint(
                condition=~Q(status="held") | Q(hold_expires_at__isnull=False),
                name="booking_held_has_expiry",
            ),
            models.UniqueConstraint(
                fields=["video_room"],
                condition=~Q(video_room=""),
                name="booking_video_room_unique",
            ),
        ]

    def __str__(self):
        return f"{self.service} — {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_video_call(self):
        return bool(self.video_room)

    @property
    def shows_contact(self):
        """The professional's phone and WhatsApp are shown once the deposit is in."""
        return self.status in (self.Status.CONFIRMED, self.Status.COMPLETED, self.Status.NO_SHOW)


class CallStay(models.Model):
    """One stay in a booking's sandbox video room: when one of the two people came in
    and left. Open stays are who is there now."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="call_stays")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="booking_call_stays"
    )
    moderator = models.BooleanField(default=False)
    joined_at = models.DateTimeField(_("came in"))
    last_seen_at = models.DateTimeField()
    left_at = models.DateTimeField(_("left"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["booking", "user"],
                condition=Q(left_at__isnull=True),
                name="booking_call_one_open_stay_per_person",
            )
        ]

    def __str__(self):
        return f"{self.user_id} in {self.booking_id} from {self.joined_at:%H:%M}"
