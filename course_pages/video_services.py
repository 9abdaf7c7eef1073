"""Writes on lesson videos: register an upload, retry a failure, replace the file.
Each one queues the transcode after the transaction commits."""

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from core.private_storage import private_storage
from course_pages.models import LessonVideo

logger = logging.getLogger(__name__)

OUTPUT_FIELDS = ("poster", "file_360", "file_720")


class VideoStateError(Exception):
    """The video is not in a state that allows this action; `message` is for people."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def queue_transcode(video):
    """Transcode `video` once the current transaction has committed."""
    from course_pages.tasks import transcode_video  # tasks.py uses this module's helpers

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


def delete_files_on_commit(names):
    """Remove files from private storage once the rows pointing at them are gone
    (at once when no transaction is open)."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: _delete_files(names))


def video_files(video):
    return [video.original.name, *(getattr(video, name).name for name in OUTPUT_FIELDS)]


def _delete_files(names):
    storage = private_storage()
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # S3 and disk raise different errors; a leftover file is harmless.
            logger.warning("Could not delete %s", name, exc_info=True)
