"""Celery tasks: the rollup and the event table's partitions (beat)."""

from datetime import date, timedelta

from celery import shared_task
from django.utils import timezone

from . import partitions, professional_rollups, rollups


def _roll_up(day):
    """Every rollup of one day: the courses' and the platform's, then the professionals'."""
    rollups.roll_up(day)
    professional_rollups.roll_up(day)


@shared_task
def roll_up_day(day_iso):
    _roll_up(date.fromisoformat(day_iso))


@shared_task
def roll_up_recent():
    """Yesterday (late events, a missed run) and today so far: dashboards are at most
    one beat period behind."""
    today = timezone.localdate()
    for day in (today - timedelta(days=1), today):
        _roll_up(day)


@shared_task
def create_event_partitions():
    """The coming months' event partitions, made well before their first event (a
    missed month only means its events wait in the DEFAULT partition). Moves nothing."""
    return [month.isoformat() for month in partitions.ensure_months_ahead()]
