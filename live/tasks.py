"""Live-session jobs: the confirmation after a registration commits, the reminders
24 hours and 15 minutes before, fetching a session's recording, and the refunds of paid
places. Each claims its work in the database first, so running twice (or on two workers)
does it, tells or pays once."""

from datetime import timedelta

from celery import shared_task
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from checkout.errors import RefundError
from checkout.models import Payment
from checkout.refunds import refund_payment, refundable_xaf

from . import notices, recordings
from .errors import RoomError
from .models import LiveSession, PlaceRefund, Registration, Reminder

# (kind, how long before the start it goes, until when it still makes sense)
REMINDERS = (
    (Reminder.Kind.DAY_BEFORE, timedelta(hours=24), timedelta(minutes=15)),
    (Reminder.Kind.JUST_BEFORE, timedelta(minutes=15), timedelta(0)),
)
BATCH = 500
# A recording takes minutes to hours to be processed after the end: ask again after
# 1, 2, 4… minutes, then hourly, for about half a day (the recording-ready callback
# starts a fresh fetch anyway).
RECORDING_RETRIES = 16


@shared_task
def send_confirmation(registration_id, promoted=False):
    with transaction.atomic():
        claimed = Registration.objects.filter(
            pk=registration_id,
            status=Registration.Status.REGISTERED,
            confirmation_sent_at__isnull=True,
        ).update(confirmation_sent_at=timezone.now())
        if not claimed:
            return "already sent"
        registration = Registration.objects.select_related("session", "user").get(
            pk=registration_id
        )
        notices.registered(registration.session, registration.user, promoted=promoted)
    return "sent"


def _due(kind, lead, last, now):
    """Registrations whose session starts within (now + last, now + lead], that were
    made before the reminder's time (a person registering an hour before needs no
    "tomorrow" reminder) and have not had this reminder."""
    return list(
        Registration.objects.filter(
            status=Registration.Status.REGISTERED,
            session__status=LiveSession.Status.SCHEDULED,
            session__starts_at__gt=now + last,
            session__starts_at__lte=now + lead,
            registered_at__lte=F("session__starts_at") - lead,
        )
        .exclude(reminders__kind=kind)
        .select_related("session", "user")
        .order_by("session__starts_at", "id")[:BATCH]
    )


@shared_task
def send_due_reminders():
    """Beat, every minute: the 24-hour and 15-minute reminders that are due."""
    now = timezone.now()
    sent = 0
    for kind, lead, last in REMINDERS:
        for registration in _due(kind, lead, last, now):
            try:
                with transaction.atomic():
                    Reminder.objects.create(registration=registration, kind=kind)
                    notices.reminder(
                        registration.session,
                        registration.user,
                        just_before=kind == Reminder.Kind.JUST_BEFORE,
                    )
            except IntegrityError:
                continue  # another run sent it
            sent += 1
    return sent


@shared_task(
    autoretry_for=(RoomError, recordings.NotReadyYet),
    retry_backoff=60,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=RECORDING_RETRIES,
)
def fetch_recordings(session_id):
    """After the end or on "recording ready": fetch the session's recordings into lesson
    videos (never when the host did not allow recording)."""
    return recordings.fetch_all(session_id)


@shared_task
def refund_place(place_refund_id):
    """Give back the money of a paid place through checkout's refund service, on
    whatever provider took it, once. Checkout takes the refund from there: done, pending
    until the provider settles it, or waiting for staff in the refund queue."""
    claimed = PlaceRefund.objects.filter(
        pk=place_refund_id,
        claimed_at__isnull=True,
        refunded_at__isnull=True,
        gave_up_at__isnull=True,
    ).update(claimed_at=timezone.now())
    if not claimed:
        return "already handled"
    place = PlaceRefund.objects.select_related("order").get(pk=place_refund_id)
    order = place.order
    payment = Payment.objects.filter(order=order, status=Payment.Status.PAID).first()
    amount = min(place.amount_xaf, refundable_xaf(order))
    if payment is None or amount <= 0:
        # A moderator refunded it by hand meanwhile: nothing is left to give back.
        PlaceRefund.objects.filter(pk=place.pk).update(refunded_at=timezone.now())
        return "nothing left to refund"
    try:
        refund = refund_payment(
            payment=payment,
            amount_xaf=amount,
            reason=f"live session {place.session_id}: {place.reason}",
            requested_by=None,
        )
    except RefundError:  # refunded by a moderator at this very moment
        PlaceRefund.objects.filter(pk=place.pk).update(refunded_at=timezone.now())
        return "nothing left to refund"
    PlaceRefund.objects.filter(pk=place.pk).update(refunded_at=timezone.now())
    return refund.status
