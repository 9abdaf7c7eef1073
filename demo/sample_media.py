"""Sample images and a short video made on the spot (demo content and tests),
so nothing is downloaded at run time."""

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from core.sample_video import ffmpeg_available, make_sample_video

__all__ = ["ffmpeg_available", "make_image_bytes", "make_sample_video"]

PALETTE = ["#8a1c4a", "#e9a23b", "#5e1232", "#c2577f", "#2f6f62", "#7a4b94", "#b5651d"]


# Pillow's built-in font has no accented letters ("Mariée" came out "Mari?e"): DejaVu
# Sans, which `make system-deps` installs (fonts-dejavu-core), has them all.
LABEL_FONT = "DejaVuSans.ttf"


@cache
def _label_font(size):
    try:
        return ImageFont.truetype(LABEL_FONT, size)
    except OSError:
        return ImageFont.load_default(size)


def make_image_bytes(label, *, width=1200, height=675, colour=None, fmt="JPEG"):
    """A flat colour picture with a label: a stand-in for a real photo."""
    colour = colour or PALETTE[sum(map(ord, label)) % len(PALETTE)]
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    for step in range(0, width, 60):
        draw.line([(step, 0), (step + height, height)], fill="#ffffff22", width=2)
    draw.rectangle([40, height - 140, width - 40, height - 40], fill="#00000055")
    label = label[:60]
    size = 48
    # Smaller until it fits the band (a long French title at 48 px runs off the picture).
    while size > 16 and draw.textlength(label, font=_label_font(size)) > width - 120:
        size -= 4
    draw.text((60, height - 115), label, fill="#ffffff", font=_label_font(size))
    buffer = io.BytesIO()
    image.save(buffer, fmt, quality=82)
    return buffer.getvalue()
