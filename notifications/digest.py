"""The daily digest: one e-mail a day listing what happened, for people who chose it
instead of single e-mails. Sent once: each run claims the rows it sends with a batch id
in the same transaction as the queued e-mail, so a second run finds nothing to send."""

import uuid

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Notification
from .services import queue_email

# One person's digest lists at most this many; the centre has the rest.
DIGEST_ITEMS = 50


def people_with_a_digest_due():
    return (
        Notification.objects.filter(digest_due=True, digest_batch__isnull=True)
        .order_by("user_id")  # not the model's ordering, which would defeat distinct()
        .values_list("user_id", flat=True)
        .distinct()
    )


@shared_task
def send_daily_digests():
    """Beat, once a day: one task per person with something waiting."""
    people = list(people_with_a_digest_due())
    for user_id in people:
        send_digest.delay(user_id)
    return len(people)


@shared_task
def send_digest(user_id):
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return "no such person"
    batch = uuid.uuid4()
    with transaction.atomic():
        claimed = Notification.objects.filter(
            user=user, digest_due=True, digest_batch__isnull=True
        ).update(digest_batch=batch)
        if not claimed:
            return "nothing to send"
        items = list(Notification.objects.filter(digest_batch=batch).order_by("created_at", "pk"))
        if user.email:
            with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
                subject, text = _compose(user, items)
            queue_email(to=user.email, subject=subject, text=text)
    return "sent"


def _compose(user, items):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    count = len(items)
    subject = ngettext(
        "Your day on Beauty Skills Academy: %(count)s notification",
        "Your day on Beauty Skills Academy: %(count)s notifications",
        count,
    ) % {"count": count}
    lines = [_("Hello %(name)s,") % {"name": user.first_name or user.email}, ""]
    lines.append(_("Here is what happened since your last digest:"))
    for item in items[:DIGEST_ITEMS]:
        lines += ["", f"• {item.title}"]
        if item.body:
            lines.append(item.body)
        if item.url:
            lines.append(base + item.url if item.url.startswith("/") else item.url)
    if count > DIGEST_ITEMS:
        lines += ["", _("…and %(count)s more.") % {"count": count - DIGEST_ITEMS}]
    lines += [
        "",
        _("All your notifications: %(url)s") % {"url": base + reverse("notification_centre:list")},
        _("Choose what you receive: %(url)s")
        % {"url": base + reverse("notification_centre:preferences")},
    ]
    return subject, "\n".join(lines) + "\n"
