"""The challenges' side effects: freezing results at the deadline."""

from celery import shared_task


@shared_task
def freeze_results(challenge_id):
    """Count the votes of one challenge, once its deadline passed. Scheduled for the
    deadline when the challenge is posted; running it again changes nothing."""
    from . import results

    return results.freeze(challenge_id)


@shared_task
def freeze_due_results():
    """Every challenge whose deadline passed and whose results are not frozen yet
    (the beat, every five minutes: catches a task the broker lost)."""
    from . import results

    return [results.freeze(challenge_id) for challenge_id in results.due()]
