"""Photos people upload (practice work, a professional's portrait): checked by content,
size-limited, re-encoded as WebP so what is stored is a clean image of a known size."""

import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 1600
# A 50-megapixel phone photo passes; a "decompression bomb" (20,000 × 20,000 pixels in
# 48 KB) is refused from its header, before Pillow allocates gigabytes to decode it.
MAX_PIXELS = 64_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG", "HEIF", "WEBP", "MPO"}
# The same formats as browser types, for the file input's `accept` (static/js/photo-check.js).
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp,image/heic,image/heif"


class InvalidPhoto(Exception):
    """The upload is not a photo we accept. `message` is safe to show to the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class ConvertedPhoto:
    file: ContentFile
    width: int
    height: int


def _too_many_pixels(name):
    return InvalidPhoto(
        _("“%(name)s” has too many pixels. Send a photo of 64 megapixels at most.") % {"name": name}
    )


def _refuse_too_many_pixels(image, name):
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise _too_many_pixels(name)


def to_webp(upload):
    if upload.size > MAX_UPLOAD_BYTES:
        raise InvalidPhoto(
            _("“%(name)s” is larger than 10 MB. Send a smaller photo.") % {"name": upload.name}
        )
    try:
        upload.seek(0)
        image = Image.open(upload)
        image_format = image.format
        _refuse_too_many_pixels(image, upload.name)
        image.load()
    except Image.DecompressionBombError as error:
        raise _too_many_pixels(upload.name) from error
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise InvalidPhoto(
            _("“%(name)s” is not a photo (JPEG, PNG or HEIC).") % {"name": upload.name}
        ) from error
    if image_format not in ACCEPTED_FORMATS:
        raise InvalidPhoto(
            _("“%(name)s” is not a photo (JPEG, PNG or HEIC).") % {"name": upload.name}
        )
    image = ImageOps.exif_transpose(image).convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=80, method=4)
    stem = upload.name.rsplit(".", 1)[0][:40] or "photo"
    return ConvertedPhoto(ContentFile(buffer.getvalue(), name=f"{stem}.webp"), *image.size)
