"""The badge jobs: check one person after something she did (a certificate issued, a
challenge won, a mentorship seen through), and the nightly sweep. Idempotent."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import transaction

from . import services


@shared_task
def check_badges(user_id):
    person = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if person is None:
        return 0
    return len(services.award_due(user=person))


@shared_task
def sweep_badges():
    return services.sweep()


def check_later(user_ids):
    """After the caller's commit, check these people's badges (for apps whose events
    can earn a badge: community calls it when a challenge is won …)."""
    ids = sorted({pk for pk in user_ids if pk})
    if ids:
        transaction.on_commit(lambda: [check_badges.delay(pk) for pk in ids])
