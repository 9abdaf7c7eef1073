"""The follows' side effects, run after the commit."""

from celery import shared_task


@shared_task
def announce_activity(activity_id):
    """Tell the next batch of the actor's followers, and queue the batch after it. Each
    batch moves the activity's mark with its notifications, so a retried task tells
    nobody twice."""
    from . import fanout

    told, more = fanout.announce(activity_id)
    if more:
        announce_activity.delay(activity_id)
    return told
