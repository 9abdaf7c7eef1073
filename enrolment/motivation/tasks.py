"""Periodic motivation jobs (Celery beat)."""

from celery import shared_task

from . import reminders


@shared_task
def remind_streaks():
    """Hourly: the gentle streak reminder to those due. Idempotent (once a day each)."""
    return reminders.remind_all()
