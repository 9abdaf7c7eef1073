"""notify(), the one way to tell a person something, and the delivery queue under it:
queue_email / queue_sms / queue_push write an OutboundMessage that a Celery task
delivers once, after the commit."""

import json

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from . import bell, kinds, selectors
from .content import Message
from .kinds import EMAIL, PUSH, SITE, SMS
from .models import Notification, OutboundMessage, PushSubscription
from .preferences import choices_for

__all__ = ["Message", "mark_read", "notify", "queue_email", "queue_push", "queue_sms"]


def notify(user, kind, *, message):
    """Tell ``user`` about an event of ``kind`` (a Kind or its key).

    ``message`` is a Message, or a function returning one: notify() calls it in the
    person's language, so callers write their gettext texts as they always did. The
    person's choices decide the channels; quiet hours hold SMS and push; the digest
    holds e-mail. Rows are written in the caller's transaction (so they commit with the
    caller's claim, or not at all); delivery and the live bell update happen after the
    commit. Returns the Notification, or None when no channel keeps a record of it."""
    kind = kinds.get(kind)
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        content = (message() if callable(message) else message).rendered()
    choices = choices_for(user, kind)
    channels = choices.channels
    email = EMAIL in channels and bool(user.email)
    in_site = SITE in channels
    with transaction.atomic():
        notification = None
        if in_site or (email and choices.digest):
            notification = Notification.objects.create(
                user=user,
                kind=kind.key,
                title=content.subject[:255],
                body=content.summary,
                url=content.url[:500],
                in_site=in_site,
                digest_due=email and choices.digest,
            )
        if email and not choices.digest:
            queue_email(
                to=user.email,
                subject=content.subject,
                text=content.text,
                html=content.html,
                attachments=content.attachments,
            )
        held_until = choices.held_until() if {SMS, PUSH} & channels else None
        phone = content.sms_to or str(getattr(user, "phone", "") or "")
        if SMS in channels and content.sms and phone:
            queue_sms(to=phone, text=content.sms, not_before=held_until)
        if PUSH in channels:
            payload = {
                "title": content.subject,
                "body": content.summary,
                "url": content.url,
                "tag": kind.key,
                "lang": language,
            }
            for subscription in PushSubscription.objects.filter(user=user):
                queue_push(subscription=subscription, payload=payload, not_before=held_until)
    if in_site:
        bell.publish_after_commit(user.pk)
    return notification


def mark_read(*, user, notification_id=None):
    """Mark one of the person's centre notifications read, or all of them when no id is
    given; the bell follows after the commit. Returns how many changed (0 for an id
    that is not hers, or already read)."""
    unread = selectors.unread(user)
    if notification_id is not None:
        unread = unread.filter(pk=notification_id)
    with transaction.atomic():
        changed = unread.update(read_at=timezone.now())
        if changed:
            bell.publish_after_commit(user.pk)
    return changed


def queue_email(*, to, subject, text, html="", attachments=()):
    """``attachments``: (filename, text content, mimetype) triples, e.g. an .ics file.

    The delivery layer under notify(): call it directly only for mail that goes to an
    address rather than a person (allauth's verification of a new address)."""
    message = OutboundMessage.objects.create(
        channel=OutboundMessage.Channel.EMAIL,
        recipient=to,
        subject=subject[:255],
        body_text=text,
        body_html=html,
        attachments=[
            {"filename": str(filename), "content": content, "mimetype": mimetype}
            for filename, content, mimetype in attachments
        ],
    )
    _deliver_after_commit(message)
    return message


def queue_sms(*, to, text, not_before=None):
    """``not_before``: held until then (quiet hours); the release job sends it."""
    message = OutboundMessage.objects.create(
        channel=OutboundMessage.Channel.SMS,
        recipient=str(to),
        body_text=text,
        not_before=not_before,
    )
    _deliver_after_commit(message)
    return message


def queue_push(*, subscription, payload, not_before=None):
    message = OutboundMessage.objects.create(
        channel=OutboundMessage.Channel.PUSH,
        recipient=subscription.service[:254],
        subject=str(payload.get("title", ""))[:255],
        body_text=json.dumps(payload, ensure_ascii=False),
        push_subscription=subscription,
        not_before=not_before,
    )
    _deliver_after_commit(message)
    return message


def _deliver_after_commit(message):
    if message.not_before is not None:
        return  # notifications.tasks.release_held_messages sends it when the time comes
    from .tasks import deliver_message

    message_id = message.pk
    transaction.on_commit(lambda: deliver_message.delay(message_id))
