"""Voice notes: check an upload with ffprobe (an audio file of at most two minutes),
and transcode it with FFmpeg to Opus at about 16 kbps in an Ogg file, ~240 KB for two
minutes on paid mobile data. Pure functions on local paths; the task moves files."""

import json
import logging
import subprocess

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_VOICE_BYTES = 5 * 1024 * 1024
MAX_VOICE_SECONDS = 120
# MediaRecorder stops at the cap on the phone; a little slack for container rounding.
DURATION_SLACK_SECONDS = 1.5
OPUS_BITRATE = "16k"
OUTPUT_SUFFIX = ".ogg"
OUTPUT_CONTENT_TYPE = "audio/ogg"
PROBE_TIMEOUT_SECONDS = 30
TRANSCODE_TIMEOUT_SECONDS = 120
# What the file input accepts (the server decides by content anyway).
ACCEPT_ATTRIBUTE = "audio/*"


class VoiceError(Exception):
    """A problem with the voice note itself; `message` is safe to show to the sender."""

    def __init__(self, message, *, detail=""):
        super().__init__(message)
        self.message = message
        self.detail = detail


def not_audio():
    return VoiceError(_("This file is not a voice note we can play. Record it again."))


def too_big():
    return VoiceError(_("A voice note can be 5 MB at most. Record a shorter one."))


def too_long():
    return VoiceError(_("A voice note can be 2 minutes at most. Record a shorter one."))


def _ffprobe(arguments):
    try:
        completed = subprocess.run(
            ["ffprobe", "-v", "error", "-print_format", "json", *arguments],
            capture_output=True,
            timeout=PROBE_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise not_audio() from error
    if completed.returncode != 0:
        raise VoiceError(not_audio().message, detail=completed.stderr.decode(errors="replace"))
    try:
        return json.loads(completed.stdout or b"{}")
    except ValueError as error:
        raise not_audio() from error


def _float(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def duration_seconds(path):
    """The length of the file's first audio stream; VoiceError if it has none.
    Browsers' recordings (WebM from MediaRecorder) often carry no duration in their
    header: then the packets are read to the end."""
    info = _ffprobe(["-show_format", "-show_streams", str(path)])
    streams = [s for s in info.get("streams", []) if s.get("codec_type") == "audio"]
    if not streams or _has_real_video(info):
        raise not_audio()
    duration = _float(info.get("format", {}).get("duration")) or _float(streams[0].get("duration"))
    if duration is None:
        packets = _ffprobe(
            [
                "-select_streams",
                "a:0",
                "-show_entries",
                "packet=pts_time,duration_time",
                str(path),
            ]
        ).get("packets", [])
        ends = [
            (_float(p.get("pts_time")) or 0) + (_float(p.get("duration_time")) or 0)
            for p in packets
        ]
        duration = max(ends, default=None)
    if not duration:
        raise not_audio()
    return duration


def _has_real_video(info):
    # An MP3 or M4A may carry its cover art as a one-frame "video" stream.
    return any(
        s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")
        for s in info.get("streams", [])
    )


def check_upload(path, size):
    """The voice note's length in seconds, or VoiceError (too big, too long, not audio)."""
    if size > MAX_VOICE_BYTES:
        raise too_big()
    seconds = duration_seconds(path)
    if seconds > MAX_VOICE_SECONDS + DURATION_SLACK_SECONDS:
        raise too_long()
    return seconds


def transcode(source, target):
    """Encode the first audio stream of `source` to mono Opus ~16 kbps in Ogg."""
    command = [
        "ffmpeg",
        "-nostdin",
        "-y",
        "-v",
        "error",
        "-i",
        str(source),
        "-map",
        "0:a:0",
        "-vn",
        "-ac",
        "1",
        "-ar",
        "16000",
        "-c:a",
        "libopus",
        "-b:a",
        OPUS_BITRATE,
        "-application",
        "voip",
        "-t",
        str(MAX_VOICE_SECONDS + DURATION_SLACK_SECONDS),
        "-f",
        "ogg",
        str(target),
    ]
    try:
        completed = subprocess.run(
            command, capture_output=True, timeout=TRANSCODE_TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise VoiceError(_("This voice note could not be prepared. Record it again.")) from error
    if completed.returncode != 0:
        detail = completed.stderr.decode(errors="replace")[-2000:]
        logger.warning("ffmpeg failed on a voice note (%s): %s", completed.returncode, detail)
        raise VoiceError(
            _("This voice note could not be prepared. Record it again."), detail=detail
        )
