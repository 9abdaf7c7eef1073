"""FFmpeg steps for uploaded videos (lesson videos, practice work): check an upload,
encode H.264/AAC renditions and a poster. Pure functions on local paths; each app's
task moves files in and out of storage."""

import json
import logging
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

PROBE_TIMEOUT_SECONDS = 60
POSTER_TIMEOUT_SECONDS = 120
# A worker gives up on one rendition after this long; long lessons on a slow
# worker stay well under it (a 30-minute lesson takes a few minutes).
TRANSCODE_TIMEOUT_SECONDS = 2 * 60 * 60

# Demuxers FFmpeg names for real video containers. Anything else that FFmpeg can
# open (a picture, a .txt read by the "tty" demuxer, a song) is not a lesson video.
VIDEO_CONTAINERS = {
    "mov",
    "mp4",
    "3gp",
    "3g2",
    "matroska",
    "webm",
    "avi",
    "mpeg",
    "mpegts",
    "flv",
    "asf",
}


class VideoProcessingError(Exception):
    """A problem with the video itself; `message` is safe to show to the uploader."""

    def __init__(self, message, *, detail=""):
        super().__init__(message)
        self.message = message
        self.detail = detail


@dataclass(frozen=True)
class ProbeResult:
    duration_seconds: float
    width: int
    height: int
    has_audio: bool


@dataclass(frozen=True)
class Rendition:
    """How to encode one variant. `short_side` caps the smaller dimension, so a
    portrait phone video is 360 wide rather than 360 tall, and nothing is upscaled."""

    name: str
    short_side: int
    video_kbps: int
    max_kbps: int
    buffer_kbps: int
    audio_kbps: int
    audio_channels: int
    profile: str


DATA_SAVER = Rendition(
    name="360",
    short_side=360,
    video_kbps=250,
    max_kbps=280,
    buffer_kbps=500,
    audio_kbps=48,
    audio_channels=1,
    profile="main",
)
HD = Rendition(
    name="720",
    short_side=720,
    video_kbps=1100,
    max_kbps=1200,
    buffer_kbps=2400,
    audio_kbps=96,
    audio_channels=2,
    profile="main",
)
POSTER_SHORT_SIDE = 360
POSTER_AT_SECONDS = 1.0


def probe(path):
    """Read a file with ffprobe; raise VideoProcessingError unless it is a playable video."""
    try:
        completed = subprocess.run(
            [
                "ffprobe",
                "-v",
                "error",
                "-print_format",
                "json",
                "-show_format",
                "-show_streams",
                str(path),
            ],
            capture_output=True,
            timeout=PROBE_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise VideoProcessingError(
            _("This file could not be read in time. Check that it is a video and try again.")
        ) from error
    if completed.returncode != 0:
        raise VideoProcessingError(
            _("This file is not a video we can read. Upload an MP4, MOV, WebM, 3GP or MKV video."),
            detail=completed.stderr.decode(errors="replace")[-2000:],
        )
    try:
        info = json.loads(completed.stdout or b"{}")
    except ValueError as error:
        raise VideoProcessingError(
            _("This file is not a video we can read. Upload an MP4, MOV, WebM, 3GP or MKV video.")
        ) from error

    container = info.get("format", {})
    if not set(container.get("format_name", "").split(",")) & VIDEO_CONTAINERS:
        raise VideoProcessingError(
            _("This file is not a video we can read. Upload an MP4, MOV, WebM, 3GP or MKV video.")
        )
    streams = info.get("streams", [])
    pictures = [
        s
        for s in streams
        if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")
    ]
    if not pictures:
        raise VideoProcessingError(_("This file has sound but no picture. Upload a video."))
    duration = _as_float(container.get("duration")) or _as_float(pictures[0].get("duration"))
    if not duration or duration <= 0:
        raise VideoProcessingError(
            _("This video has no length: the file may be damaged. Export it again and retry.")
        )
    return ProbeResult(
        duration_seconds=duration,
        width=int(pictures[0].get("width") or 0),
        height=int(pictures[0].get("height") or 0),
        has_audio=any(s.get("codec_type") == "audio" for s in streams),
    )


def transcode(source, target, rendition):
    """Encode `source` to an H.264/AAC MP4 at `target` that a phone can start playing
    before it has all of it (moov atom first: +faststart)."""
    _run_ffmpeg(
        [
            "-i",
            str(source),
            "-map",
            "0:v:0",
            "-map",
            "0:a:0?",
            "-vf",
            _scale_filter(rendition.short_side),
            "-fpsmax",
            "30",
            "-c:v",
            "libx264",
            "-preset",
            "medium",
            "-profile:v",
            rendition.profile,
            "-pix_fmt",
            "yuv420p",
            "-b:v",
            f"{rendition.video_kbps}k",
            "-maxrate",
            f"{rendition.max_kbps}k",
            "-bufsize",
            f"{rendition.buffer_kbps}k",
            "-c:a",
            "aac",
            "-b:a",
            f"{rendition.audio_kbps}k",
            "-ac",
            str(rendition.audio_channels),
            "-movflags",
            "+faststart",
            "-f",
            "mp4",
            str(target),
        ],
        timeout=TRANSCODE_TIMEOUT_SECONDS,
    )
    return Path(target)


def make_poster(source, target, *, duration_seconds):
    """A WebP still from about one second in (the first frame is often black)."""
    at = min(POSTER_AT_SECONDS, duration_seconds / 2)
    _run_ffmpeg(
        [
            "-ss",
            f"{at:.2f}",
            "-i",
            str(source),
            "-frames:v",
            "1",
            "-vf",
            _scale_filter(POSTER_SHORT_SIDE),
            "-c:v",
            "libwebp",
            "-quality",
            "70",
            "-f",
            "webp",
            str(target),
        ],
        timeout=POSTER_TIMEOUT_SECONDS,
    )
    return Path(target)


@contextmanager
def local_copy(field_file, *, suffix=""):
    """Yield a temporary local path holding the stored file: storage may be S3."""
    with tempfile.TemporaryDirectory(prefix="bsa-video-") as folder:
        path = Path(folder) / f"original{suffix}"
        with field_file.open("rb") as source, path.open("wb") as target:
            shutil.copyfileobj(source, target, length=1024 * 1024)
        yield path


@contextmanager
def upload_path(upload):
    """A path FFmpeg can read for an uploaded file: its own temporary file, or a copy."""
    if hasattr(upload, "temporary_file_path"):
        yield upload.temporary_file_path()
        return
    with tempfile.NamedTemporaryFile(suffix=Path(upload.name or "").suffix[:6]) as copy:
        upload.seek(0)
        shutil.copyfileobj(upload, copy)
        copy.flush()
        yield copy.name


def _scale_filter(short_side):
    # -2 keeps the aspect ratio with an even size (H.264 4:2:0 needs even sizes);
    # min() never upscales a small source.
    landscape = "gte(iw,ih)"
    capped_width = f"trunc(min({short_side},iw)/2)*2"
    capped_height = f"trunc(min({short_side},ih)/2)*2"
    return f"scale=w='if({landscape},-2,{capped_width})':h='if({landscape},{capped_height},-2)'"


def _run_ffmpeg(arguments, *, timeout):
    command = ["ffmpeg", "-nostdin", "-y", "-v", "error", *arguments]
    try:
        completed = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as error:
        raise VideoProcessingError(
            _("Processing this video took too long. Try a shorter video or split it in parts.")
        ) from error
    if completed.returncode != 0:
        detail = completed.stderr.decode(errors="replace")[-2000:]
        logger.warning("ffmpeg failed (%s): %s", completed.returncode, detail)
        raise VideoProcessingError(
            _(
                "This video could not be converted: the file may be damaged. Export it again and retry."
            ),
            detail=detail,
        )


def _as_float(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
