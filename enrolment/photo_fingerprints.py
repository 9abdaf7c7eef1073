"""Perceptual fingerprints of a photo (ImageHash pHash and dHash, 64 bits each), in the
eight ways a copy may be turned: as is, rotated 90°/180°/270°, mirrored and mirrored
then rotated. Pure functions; enrolment.similarity stores and compares them."""

from dataclasses import dataclass

import imagehash
import numpy as np
from PIL import Image, ImageOps, ImageStat, UnidentifiedImageError

from core.photos import MAX_PIXELS

# Photos are hashed from a small grey copy: enough detail, and fast on any size.
WORKING_SIDE = 256
# Smaller than this there is no picture to speak of (an icon, a crafted 1×1).
MIN_SIDE = 32
# A photo this even (one colour, a blank wall) hashes like every other plain photo.
MIN_CONTRAST = 6.0
# Two photos are the same picture when both hashes agree within these many bits of 64,
# in the same turn, and their average colours are this close (0–255 on each channel).
# Asking all three makes a crafted upload that copies one hash not enough, and keeps
# apart the face charts of a class: one printed drawing, each made up in her colours.
PHASH_BITS = 10
DHASH_BITS = 14
COLOUR_LEVELS = 12

TURNS = (
    None,
    Image.Transpose.ROTATE_90,
    Image.Transpose.ROTATE_180,
    Image.Transpose.ROTATE_270,
    Image.Transpose.FLIP_LEFT_RIGHT,
    Image.Transpose.FLIP_TOP_BOTTOM,
    Image.Transpose.TRANSPOSE,
    Image.Transpose.TRANSVERSE,
)

TOO_SMALL, PLAIN, UNREADABLE = "too_small", "plain", "unreadable"


@dataclass(frozen=True)
class PhotoPrint:
    """The hashes of the photo as it is (`phash`, `dhash`), its average colour
    (0xRRGGBB, the same in any turn) and the hashes of its eight turns."""

    phash: int
    dhash: int
    colour: int
    turned_phashes: tuple
    turned_dhashes: tuple


class NotComparable(Exception):
    """The photo cannot be fingerprinted; `problem` says why (TOO_SMALL, PLAIN, UNREADABLE)."""

    def __init__(self, problem):
        super().__init__(problem)
        self.problem = problem


def fingerprint_file(file):
    """The PhotoPrint of an image file, or NotComparable. Never decodes a huge image
    whole: its header is read first, and JPEGs are decoded at a reduced size."""
    try:
        with Image.open(file) as image:
            if image.width * image.height > MAX_PIXELS:
                raise NotComparable(UNREADABLE)
            # Shrunk first (a JPEG is even decoded small), then turned upright: only
            # the small copy is ever copied.
            image.thumbnail((WORKING_SIDE, WORKING_SIDE))
            image = ImageOps.exif_transpose(image).convert("RGB")
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as error:
        raise NotComparable(UNREADABLE) from error
    return fingerprint_image(image)


def fingerprint_image(image):
    """The PhotoPrint of a decoded RGB image, or NotComparable."""
    if min(image.size) < MIN_SIDE:
        raise NotComparable(TOO_SMALL)
    if max(image.size) > WORKING_SIDE:
        image = image.resize(_fitting(image.size), Image.Resampling.BICUBIC, reducing_gap=2.0)
    red, green, blue = (round(mean) for mean in ImageStat.Stat(image).mean)
    grey = image.convert("L")
    if ImageStat.Stat(grey).stddev[0] < MIN_CONTRAST:
        raise NotComparable(PLAIN)
    turned = [grey if turn is None else grey.transpose(turn) for turn in TURNS]
    phashes = tuple(_as_int(imagehash.phash(image)) for image in turned)
    dhashes = tuple(_as_int(imagehash.dhash(image)) for image in turned)
    return PhotoPrint(phashes[0], dhashes[0], red << 16 | green << 8 | blue, phashes, dhashes)


def _fitting(size):
    scale = WORKING_SIDE / max(size)
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _as_int(image_hash):
    """The 64 bits as a signed integer, the way a BigIntegerField keeps them."""
    value = int("".join("1" if bit else "0" for bit in image_hash.hash.flatten()), 2)
    return value - (1 << 64) if value >= 1 << 63 else value


def _channels(colours):
    colours = np.asarray(colours, dtype=np.int64)
    return np.stack([colours >> 16 & 255, colours >> 8 & 255, colours & 255])


def closest(photo_print, phashes, dhashes, colours):
    """For each stored photo (sequences of its phash, dhash and colour), the fewest pHash
    bits that differ over the turns where everything agrees, or -1 when none does."""
    if len(phashes) == 0:
        return np.empty(0, dtype=np.int64)
    colour_gap = np.abs(_channels(colours) - _channels([photo_print.colour])).max(axis=0)
    stored_p = np.asarray(phashes, dtype=np.int64).view(np.uint64)
    stored_d = np.asarray(dhashes, dtype=np.int64).view(np.uint64)
    turned_p = np.asarray(photo_print.turned_phashes, dtype=np.int64).view(np.uint64)
    turned_d = np.asarray(photo_print.turned_dhashes, dtype=np.int64).view(np.uint64)
    p_bits = np.bitwise_count(turned_p[:, None] ^ stored_p[None, :]).astype(np.int64)
    d_bits = np.bitwise_count(turned_d[:, None] ^ stored_d[None, :]).astype(np.int64)
    same = (p_bits <= PHASH_BITS) & (d_bits <= DHASH_BITS) & (colour_gap <= COLOUR_LEVELS)[None, :]
    best = np.where(same, p_bits, 65).min(axis=0)
    return np.where(best <= PHASH_BITS, best, -1)


def percent(bits):
    """How alike two photos look, from the pHash bits that differ (0 bits: 100 %)."""
    return round(100 * (64 - bits) / 64)
