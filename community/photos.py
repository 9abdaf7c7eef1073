"""Wall photos: each upload checked by its content and re-encoded (core.photos), plus a
small copy so a wall of photos stays light on a phone."""

import io

from django.core.files.base import ContentFile
from PIL import Image

from core import photos

from .errors import InvalidInput

# A phone shows wall photos at most ~10 rem high: 360 px is sharp enough and ~10 KB.
THUMB_SIDE = 360


def convert(upload):
    """(full WebP, thumbnail WebP) of one upload; InvalidInput when it is no photo."""
    try:
        full = photos.to_webp(upload)
    except photos.InvalidPhoto as error:
        raise InvalidInput(error.message) from error
    full.file.seek(0)
    image = Image.open(io.BytesIO(full.file.read()))
    full.file.seek(0)
    image.thumbnail((THUMB_SIDE, THUMB_SIDE))
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=60, method=4)
    stem = full.file.name.rsplit(".", 1)[0]
    thumb = ContentFile(buffer.getvalue(), name=f"{stem}-small.webp")
    return full, photos.ConvertedPhoto(thumb, *image.size)
