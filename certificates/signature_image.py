"""A handwriting-like signature picture, for the demo instructors and the tests."""

import io

from PIL import Image, ImageDraw, ImageFont

SIGNATURE_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf"


def signature_png(name, *, width=600, height=200):
    """PNG bytes: the name in italics, slanted ink on a transparent background."""
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SIGNATURE_FONT, 64)
    draw.text((24, 50), name, font=font, fill=(32, 35, 94, 255))
    left = draw.textlength(name, font=font)
    draw.line([(30, 140), (min(width - 20, 40 + left), 128)], fill=(32, 35, 94, 255), width=3)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
