"""Learning's own reactions to its signals: background work queued after the commit
(the signals are sent from transaction.on_commit already)."""

from .signals import work_handed_in
from .tasks import check_similarity


def _check_similarity(sender, submission_id, **kwargs):
    check_similarity.delay(submission_id)


def connect():
    work_handed_in.connect(_check_similarity, dispatch_uid="enrolment-check-similarity")
