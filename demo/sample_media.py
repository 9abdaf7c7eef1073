"""Sample images and a short video made on the spot (demo content and tests),
so nothing is downloaded at run time."""

import io

from PIL import Image, ImageDraw

from core.sample_video import ffmpeg_available, make_sample_video

__all__ = ["ffmpeg_available", "make_image_bytes", "make_sample_video"]

PALETTE = ["#8a1c4a", "#e9a23b", "#5e1232", "#c2577f", "#2f6f62", "#7a4b94", "#b5651d"]


def make_image_bytes(label, *, width=1200, height=675, colour=None, fmt="JPEG"):
    """A flat colour picture with a label: a stand-in for a real photo."""
    colour = colour or PALETTE[sum(map(ord, label)) % len(PALETTE)]
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    for step in range(0, width, 60):
        draw.line([(step, 0), (step + height, height)], fill="#ffffff22", width=2)
    draw.rectangle([40, height - 140, width - 40, height - 40], fill="#00000055")
    draw.text((60, height - 115), label[:60], fill="#ffffff", font_size=48)
    buffer = io.BytesIO()
    image.save(buffer, fmt, quality=82)
    return buffer.getvalue()
