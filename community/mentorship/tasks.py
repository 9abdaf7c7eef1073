"""Mentorship's beat job."""

from celery import shared_task


@shared_task
def end_due_mentorships():
    """Beat: end the mentorships whose weeks are over (idempotent, see ending.end_due)."""
    from .ending import end_due

    return end_due()
