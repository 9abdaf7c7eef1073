"""Learning's own reactions to its signals: background work queued after the commit
(the signals are sent from transaction.on_commit already)."""

from .models import SubmissionVideo
from .signals import work_handed_in
from .tasks import check_similarity, prepare_practice_video


def _check_similarity(sender, submission_id, **kwargs):
    check_similarity.delay(submission_id)


def _prepare_video(sender, submission_id, **kwargs):
    waiting = SubmissionVideo.objects.filter(
        submission_id=submission_id, state=SubmissionVideo.State.PROCESSING
    ).values_list("pk", flat=True)
    for video_id in waiting:
        prepare_practice_video.delay(video_id)


def connect():
    work_handed_in.connect(_check_similarity, dispatch_uid="enrolment-check-similarity")
    work_handed_in.connect(_prepare_video, dispatch_uid="enrolment-prepare-practice-video")
