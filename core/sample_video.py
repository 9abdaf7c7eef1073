"""A short sample video made on the spot with FFmpeg (colour bars and a tone): the demo's
lesson video and the sandbox video service's recordings, so nothing is downloaded."""

import shutil
import subprocess


def ffmpeg_available():
    return shutil.which("ffmpeg") is not None and shutil.which("ffprobe") is not None


def make_sample_video(path, *, seconds=6, width=1280, height=720):
    """Write a short H.264/AAC test video (colour bars and a tone) to `path`."""
    subprocess.run(
        [
            "ffmpeg",
            "-y",
            "-loglevel",
            "error",
            "-f",
            "lavfi",
            "-i",
            f"testsrc2=size={width}x{height}:rate=25:duration={seconds}",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=440:duration={seconds}",
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-shortest",
            str(path),
        ],
        check=True,
        timeout=120,
    )
    return path
