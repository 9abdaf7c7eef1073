"""Renewal reminders: without consent to renew by Mobile Money (checkout.renewals), the
student renews by paying again."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from notifications.services import Message, notify

from .models import Subscription
from .notification_kinds import SUBSCRIPTION_ENDING

REMIND_BEFORE = timedelta(days=3)


def subscriptions_to_remind(*, now=None):
    """Ending within REMIND_BEFORE, not reminded yet, and not already renewed."""
    now = now or timezone.now()
    renewed = Subscription.objects.filter(
        user=OuterRef("user"), revoked=False, ends_at__gt=OuterRef("ends_at")
    )
    return (
        Subscription.objects.filter(
            revoked=False,
            # Those are asked on their phone instead, and told so (checkout.renewals).
            renews_automatically=False,
            reminded_at__isnull=True,
            ends_at__gt=now,
            ends_at__lte=now + REMIND_BEFORE,
        )
        .exclude(Exists(renewed))
        .order_by("ends_at")
    )


@shared_task
def remind_expiring_subscriptions():
    """Beat, daily: one reminder per subscription about to end."""
    due = list(subscriptions_to_remind().values_list("pk", flat=True)[:500])
    for subscription_id in due:
        send_renewal_reminder.delay(subscription_id)
    return len(due)


@shared_task
def send_renewal_reminder(subscription_id):
    with transaction.atomic():
        # Claim the reminder: a second run, or a second delivery of this task, sends nothing.
        claimed = Subscription.objects.filter(
            pk=subscription_id, reminded_at__isnull=True, revoked=False
        ).update(reminded_at=timezone.now())
        if not claimed:
            return "already reminded"
        subscription = Subscription.objects.select_related("user").get(pk=subscription_id)
        _queue_reminder(subscription)
    return "queued"


def _queue_reminder(subscription):
    notify(subscription.user, SUBSCRIPTION_ENDING, message=lambda: _reminder(subscription))


def _reminder(subscription):
    path = reverse("checkout:buy", args=["subscription", subscription.plan])
    link = settings.WAGTAILADMIN_BASE_URL + path
    end = date_format(timezone.localtime(subscription.ends_at), "DATE_FORMAT")
    values = {"name": subscription.user, "date": end, "link": link}
    return Message(
        subject=_("Your subscription ends on %(date)s") % values,
        text=_(
            "Hello %(name)s,\n\nYour Beauty Skills Academy subscription ends on %(date)s. "
            "To keep your courses open, renew it in one tap:\n%(link)s\n\n"
            "The new period starts when the current one ends: you lose no days.\n"
        )
        % values,
        sms=_("Beauty Skills Academy: your subscription ends on %(date)s. Renew: %(link)s")
        % values,
        url=path,
    )
