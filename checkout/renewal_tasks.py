"""Renewal by Mobile Money, run by beat once a day (see checkout.renewals)."""

from celery import current_app, shared_task

from . import renewals


@shared_task
def renew_due_subscriptions():
    """Beat, daily: record yesterday's unpaid requests, lapse what is past its grace,
    then queue one payment request per subscription due. The scan is one query; the
    requests go out on one broker connection, each as its own task (the provider call
    of one never holds up the others). Returns how many were queued."""
    renewals.settle_attempts()
    renewals.lapse_overdue()
    due = list(renewals.due_for_renewal().values_list("pk", flat=True).order_by("ends_at"))
    with current_app.producer_or_acquire() as producer:
        for subscription_id in due:
            request_renewal.apply_async((subscription_id,), producer=producer)
    return len(due)


@shared_task
def request_renewal(subscription_id):
    """Idempotent: a second delivery, or a second run the same day, sends nothing."""
    attempt = renewals.request_renewal(subscription_id=subscription_id)
    return attempt.get_outcome_display() if attempt else "nothing due"
