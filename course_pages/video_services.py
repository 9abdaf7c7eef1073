"""Writes on lesson videos: register an upload, retry a failure, replace the file.
Each one queues the transcode after the transaction commits."""

from django.db import transaction
from django.utils.translation import gettext as _

from course_pages.models import LessonVideo
from course_pages.tasks import transcode_video
from course_pages.video_files import OUTPUT_FIELDS, delete_files_on_commit


class VideoStateError(Exception):
    """The video is not in a state that allows this action; `message` is for people."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def queue_transcode(video):
    """Transcode `video` once the current transaction has committed."""
    video_id = video.pk
    transaction.on_commit(lambda: transcode_video.delay(video_id))


@transaction.atomic
def register_upload(*, title, original, uploaded_by=None):
    video = LessonVideo(title=title, original=original, uploaded_by=uploaded_by)
    video.full_clean()
    video.save()
    queue_transcode(video)
    return video


@transaction.atomic
def retry_video(video):
    """Put a failed video back in the queue. Returns the video, now pending."""
    locked = LessonVideo.objects.select_for_update().get(pk=video.pk)
    if locked.status != LessonVideo.Status.FAILED:
        raise VideoStateError(_("Only a video whose processing failed can be retried."))
    locked.status = LessonVideo.Status.PENDING
    locked.failure_reason = ""
    locked.save(update_fields=["status", "failure_reason", "updated_at"])
    queue_transcode(locked)
    video.status, video.failure_reason = locked.status, locked.failure_reason
    return locked


@transaction.atomic
def original_replaced(*, video, previous_original):
    """The uploader sent a new file for `video` (already saved): start again from it."""
    locked = LessonVideo.objects.select_for_update().get(pk=video.pk)
    stale_files = [previous_original, *(getattr(locked, name).name for name in OUTPUT_FIELDS)]
    locked.status = LessonVideo.Status.PENDING
    locked.failure_reason = ""
    locked.duration_seconds = None
    locked.size_360 = locked.size_720 = None
    for name in OUTPUT_FIELDS:
        setattr(locked, name, "")
    locked.save()
    queue_transcode(locked)
    delete_files_on_commit([name for name in stale_files if name != locked.original.name])
    return locked
