"""Background work of the course app. Tasks take ids, reload state and do nothing
when the work is already done or someone else is doing it."""

import logging
from datetime import timedelta
from pathlib import Path

from celery import shared_task
from django.conf import settings
from django.core.files import File
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import video_processing
from core.video_processing import VideoProcessingError
from course_pages.models import LessonVideo
from course_pages.video_files import delete_files_on_commit

logger = logging.getLogger(__name__)

# A claim older than this belongs to a worker that died mid-way (acks_late
# redelivers its message): take the video over instead of leaving it stuck.
STALE_CLAIM_AFTER = timedelta(seconds=video_processing.TRANSCODE_TIMEOUT_SECONDS * 2 + 600)


@shared_task
def transcode_video(video_id):
    now = timezone.now()
    claimable = Q(status=LessonVideo.Status.PENDING) | Q(
        status=LessonVideo.Status.PROCESSING, updated_at__lt=now - STALE_CLAIM_AFTER
    )
    claimed = LessonVideo.objects.filter(claimable, pk=video_id).update(
        status=LessonVideo.Status.PROCESSING, failure_reason="", updated_at=now
    )
    if not claimed:
        return "nothing to do"
    video = LessonVideo.objects.select_related("uploaded_by").get(pk=video_id)
    with translation.override(_uploader_language(video)):
        try:
            outputs = _make_renditions(video)
        except VideoProcessingError as error:
            logger.info("Video %s failed: %s %s", video_id, error.message, error.detail)
            return _finish(video, status=LessonVideo.Status.FAILED, failure_reason=error.message)
        except Exception:
            logger.exception("Video %s: unexpected error while processing", video_id)
            return _finish(
                video,
                status=LessonVideo.Status.FAILED,
                failure_reason=_(
                    "Something went wrong on our side while processing this video. "
                    "Press “Retry”; if it fails again, contact support."
                ),
            )
    return _finish(video, status=LessonVideo.Status.READY, **outputs)


def _make_renditions(video):
    """Copy the original out of storage, encode it, and store the results."""
    suffix = Path(video.original.name).suffix.lower()
    with video_processing.local_copy(video.original, suffix=suffix) as source:
        info = video_processing.probe(source)
        folder = source.parent
        small = video_processing.transcode(source, folder / "360.mp4", video_processing.DATA_SAVER)
        large = video_processing.transcode(source, folder / "720.mp4", video_processing.HD)
        poster = video_processing.make_poster(
            source, folder / "poster.webp", duration_seconds=info.duration_seconds
        )
        stem = f"lesson-video-{video.pk}"
        return {
            "duration_seconds": max(1, round(info.duration_seconds)),
            "file_360": _store(video, "file_360", small, f"{stem}-360p.mp4"),
            "size_360": small.stat().st_size,
            "file_720": _store(video, "file_720", large, f"{stem}-720p.mp4"),
            "size_720": large.stat().st_size,
            "poster": _store(video, "poster", poster, f"{stem}-poster.webp"),
            "failure_reason": "",
        }


def _store(video, field_name, path, filename):
    field = LessonVideo._meta.get_field(field_name)
    name = field.generate_filename(video, filename)
    with path.open("rb") as handle:
        return field.storage.save(name, File(handle), max_length=field.max_length)


def _finish(video, *, status, **fields):
    """Record the outcome unless the original was replaced meanwhile (then the new
    upload's own task owns the video and what we made is thrown away)."""
    updated = LessonVideo.objects.filter(
        pk=video.pk, status=LessonVideo.Status.PROCESSING, original=video.original.name
    ).update(status=status, updated_at=timezone.now(), **fields)
    new_files = [fields[name] for name in ("file_360", "file_720", "poster") if name in fields]
    if not updated:
        delete_files_on_commit(new_files)
        return "superseded"
    old_files = [
        getattr(video, name).name for name in ("file_360", "file_720", "poster") if name in fields
    ]
    delete_files_on_commit([name for name in old_files if name not in new_files])
    return status


def _uploader_language(video):
    # The reason is stored as text: write it in the uploader's language.
    if video.uploaded_by is not None and video.uploaded_by.preferred_language:
        return video.uploaded_by.preferred_language
    return settings.LANGUAGE_CODE
