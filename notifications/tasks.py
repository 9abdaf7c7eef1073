"""Delivery of queued messages (e-mail, SMS, push). Safe to run twice: a message is
claimed before sending.

Tasks are acknowledged late, so a worker that dies mid-send leaves the task on the
broker, which hands it to another worker; that worker takes the message over once
the dead worker's claim has lapsed (settings.NOTIFICATIONS_CLAIM_SECONDS)."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.utils import timezone

from . import push
from .models import OutboundMessage
from .sms import get_sms_backend
from .sms_errors import PermanentSMSError

# Releasing held messages is cheap; a batch bounds one beat run.
RELEASE_BATCH = 500


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def deliver_message(self, message_id):
    now = timezone.now()
    lapsed = now - timedelta(seconds=settings.NOTIFICATIONS_CLAIM_SECONDS)
    claimable = Q(status=OutboundMessage.Status.QUEUED) | Q(
        status=OutboundMessage.Status.SENDING, claimed_at__lt=lapsed
    )
    # A message held by quiet hours waits for release_held_messages.
    due = Q(not_before__isnull=True) | Q(not_before__lte=now)
    claimed = OutboundMessage.objects.filter(claimable, due, pk=message_id).update(
        status=OutboundMessage.Status.SENDING, attempts=F("attempts") + 1, claimed_at=now
    )
    if not claimed:
        return "already handled"
    message = OutboundMessage.objects.select_related("push_subscription").get(pk=message_id)
    try:
        sent = _send(message)
    except (PermanentSMSError, push.SubscriptionGone) as error:
        # Refused for good (wrong number, blocked, browser unsubscribed): no retry.
        message.status = OutboundMessage.Status.FAILED
        message.last_error = repr(error)[:2000]
        message.save(update_fields=["status", "last_error"])
        return "failed"
    except Exception as error:
        final = self.request.retries >= self.max_retries
        message.status = OutboundMessage.Status.FAILED if final else OutboundMessage.Status.QUEUED
        message.last_error = repr(error)[:2000]
        message.save(update_fields=["status", "last_error"])
        if final:
            raise
        raise self.retry(exc=error) from error
    message.status = OutboundMessage.Status.SENT
    message.sent_at = timezone.now()
    fields = ["status", "sent_at"]
    if sent is not None:
        message.provider = sent.provider
        message.provider_message_id = sent.provider_message_id
        message.delivery = sent.delivery
        message.delivery_detail = sent.detail[:255]
        message.delivery_updated_at = message.sent_at
        fields += ["provider", "provider_message_id", "delivery", "delivery_detail"]
        fields.append("delivery_updated_at")
    message.save(update_fields=fields)
    return "sent"


def _send(message):
    """The SentSMS an SMS backend answered (None from a backend that says nothing, and
    for e-mails)."""
    if message.channel == OutboundMessage.Channel.SMS:
        return get_sms_backend().send(message.recipient, message.body_text)
    if message.channel == OutboundMessage.Channel.PUSH:
        push.send(message)
        return None
    email = EmailMultiAlternatives(
        subject=message.subject, body=message.body_text, to=[message.recipient]
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    for attachment in message.attachments:
        email.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    email.send()
    return None


@shared_task
def release_held_messages():
    """Beat: SMS and pushes held by quiet hours go out once their time has come. Each is
    released by one conditional UPDATE, so two beat runs never send one twice."""
    now = timezone.now()
    due = list(
        OutboundMessage.objects.filter(
            status=OutboundMessage.Status.QUEUED, not_before__lte=now
        ).values_list("pk", flat=True)[:RELEASE_BATCH]
    )
    released = 0
    for message_id in due:
        if OutboundMessage.objects.filter(pk=message_id, not_before__isnull=False).update(
            not_before=None
        ):
            deliver_message.delay(message_id)
            released += 1
    return released


@shared_task
def requeue_stuck_messages():
    """Beat: a message still queued long after it was made, with no worker on it for as
    long, lost its delivery task (delay() failed after the commit, a broker lost it). It
    is queued again, up to NOTIFICATIONS_MAX_REQUEUES times; then it is marked failed,
    for the outbound messages admin. Each is taken by one conditional UPDATE, and
    delivery claims the message before sending: nothing goes out twice."""
    now = timezone.now()
    cutoff = now - timedelta(minutes=settings.NOTIFICATIONS_STUCK_MINUTES)
    stuck = OutboundMessage.objects.filter(
        Q(not_before__isnull=True) | Q(not_before__lte=now),
        Q(claimed_at__isnull=True) | Q(claimed_at__lte=cutoff),
        status=OutboundMessage.Status.QUEUED,
        created_at__lte=cutoff,
    )
    limit = settings.NOTIFICATIONS_MAX_REQUEUES
    given_up = stuck.filter(requeues__gte=limit).update(
        status=OutboundMessage.Status.FAILED,
        last_error=f"Still queued after being queued again {limit} times: given up.",
    )
    requeued = 0
    for message_id, requeues in stuck.filter(requeues__lt=limit).values_list("pk", "requeues")[
        :RELEASE_BATCH
    ]:
        taken = OutboundMessage.objects.filter(
            pk=message_id, status=OutboundMessage.Status.QUEUED, requeues=requeues
        ).update(requeues=requeues + 1)
        if taken:
            deliver_message.delay(message_id)
            requeued += 1
    return {"requeued": requeued, "failed": given_up}
