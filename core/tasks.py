"""Celery tasks of the site's infrastructure."""

from celery import shared_task

from . import counters


@shared_task
def drain_counters():
    """The minutes of counts that ended into the apps' tables (core/counters.py)."""
    return counters.drain()
