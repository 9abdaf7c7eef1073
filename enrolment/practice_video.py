"""Practice work videos: the checks on an upload (a real video by its content, not by
its name or type; 60 seconds and 25 MB at most) and the small MP4 and poster that
reviewers watch, made with core's FFmpeg steps by a task after the commit."""

import logging
import tempfile
from pathlib import Path

from django.core.files import File
from django.utils.translation import gettext as _

from core import video_processing
from core.video_processing import Rendition, VideoProcessingError

from .errors import InvalidVideo
from .models import SubmissionVideo

logger = logging.getLogger(__name__)

MAX_VIDEO_BYTES = 25 * 1024 * 1024
MAX_VIDEO_SECONDS = 60
# Phones stop recording at the cap; containers round the length up a little.
DURATION_SLACK_SECONDS = 1.0
# What the file input offers (the server decides by content anyway).
ACCEPT_ATTRIBUTE = "video/*"
# For reviewers on paid mobile data: 480 on the short side at most, about 4 MB a minute.
PRACTICE = Rendition(
    name="480",
    short_side=480,
    video_kbps=450,
    max_kbps=500,
    buffer_kbps=1000,
    audio_kbps=48,
    audio_channels=1,
    profile="main",
)


def too_big():
    return InvalidVideo(_("A video can be 25 MB at most. Record a shorter one."))


def too_long():
    return InvalidVideo(_("A video can be 1 minute at most. Record a shorter one."))


def check_upload(upload):
    """The upload's ProbeResult, or InvalidVideo (too big, too long, not a video)."""
    if upload.size > MAX_VIDEO_BYTES:
        raise too_big()
    try:
        with video_processing.upload_path(upload) as path:
            info = video_processing.probe(path)
    except VideoProcessingError as error:
        raise InvalidVideo(error.message) from error
    if info.duration_seconds > MAX_VIDEO_SECONDS + DURATION_SLACK_SECONDS:
        raise too_long()
    upload.seek(0)
    return info


def stored_name(upload):
    suffix = Path(upload.name or "").suffix.lower()[:6] or ".video"
    return f"practice-upload{suffix}"


def prepare(video_id):
    """Make the MP4 and poster of a video still being prepared, then drop the upload.
    Does nothing when another run got there first."""
    video = SubmissionVideo.objects.filter(
        pk=video_id, state=SubmissionVideo.State.PROCESSING
    ).first()
    if video is None or not video.original:
        return "nothing to do"
    upload_name = video.original.name
    with (
        tempfile.TemporaryDirectory(prefix="bsa-practice-video-") as folder,
        video_processing.local_copy(video.original, suffix=Path(upload_name).suffix) as source,
    ):
        try:
            encoded = video_processing.transcode(source, Path(folder) / "video.mp4", PRACTICE)
            info = video_processing.probe(encoded)
            poster = video_processing.make_poster(
                encoded, Path(folder) / "poster.webp", duration_seconds=info.duration_seconds
            )
        except VideoProcessingError as error:
            logger.info("Practice video %s failed: %s %s", video_id, error.message, error.detail)
            SubmissionVideo.objects.filter(pk=video_id).update(state=SubmissionVideo.State.FAILED)
            return "failed"
        with encoded.open("rb") as mp4, poster.open("rb") as webp:
            video.file.save(f"practice-{video_id}.mp4", File(mp4), save=False)
            video.poster.save(f"practice-{video_id}.webp", File(webp), save=False)
    updated = SubmissionVideo.objects.filter(
        pk=video_id, state=SubmissionVideo.State.PROCESSING
    ).update(
        file=video.file.name,
        poster=video.poster.name,
        original="",
        state=SubmissionVideo.State.READY,
        width=info.width,
        height=info.height,
        size_bytes=video.file.size,
    )
    storage = video.file.storage
    if not updated:  # another run finished first: keep its files, drop ours
        storage.delete(video.file.name)
        storage.delete(video.poster.name)
        return "nothing to do"
    storage.delete(upload_name)  # the student's original is never served
    return "ready"
