"""Photos and notes for the similarity tests: a textured photo made from a seed (the
same seed, the same picture), turned, mirrored or re-compressed like a copy would be."""

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFilter

NOTE = (
    "J’ai préparé la peau avec une crème hydratante puis une base matifiante sur la zone T. "
    "Ensuite j’ai appliqué le fond de teint au pinceau en partant du centre du visage. "
    "Pour finir, une poudre libre fixe le maquillage et un spray le rend plus naturel."
)
# The same sentences in another order, and a few words changed.
NOTE_REWORKED = (
    "Pour finir, une poudre libre fixe le maquillage et un brumisateur le rend plus naturel. "
    "J’ai préparé la peau avec une crème hydratante puis une base matifiante sur la zone T. "
    "Ensuite j’ai posé le fond de teint au pinceau en partant du centre du visage."
)
NOTE_OTHER = (
    "Mon modèle a la peau sèche et mate : j’ai choisi un sérum, une teinte chaude et un "
    "blush pêche sur les pommettes, puis un rouge à lèvres brique pour la soirée."
)


def textured(seed, size=(900, 700)):
    """A picture with shapes and shading, unlike any other seed's."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        w, h = rng.randrange(40, 300), rng.randrange(40, 300)
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + w, y + h), fill=colour)
        else:
            draw.rectangle((x, y, x + w, y + h), fill=colour)
    return image.filter(ImageFilter.GaussianBlur(3))


def upload(image, name="work.jpg", fmt="JPEG", quality=90):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **({"quality": quality} if fmt in ("JPEG", "WEBP") else {}))
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def copied(image):
    """What a copier hands in: turned a quarter, mirrored, smaller and squeezed hard."""
    turned = image.transpose(Image.Transpose.ROTATE_90).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    turned.thumbnail((600, 600))
    return turned


def _as_stored(image):
    """The picture as the site keeps it (WebP, quality 80)."""
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=80)
    return Image.open(buffer).convert("RGB")


def crafted_to_collide(target, start, *, rounds=20):
    """`start` (another picture) with low-frequency blotches added until its stored
    pHash is within two bits of `target`'s: what someone forging a match would upload.
    pHash keeps the signs of the 8×8 lowest DCT coefficients of a 32×32 grey copy
    against their median, so each round pushes the wrong ones across it."""
    import imagehash
    import numpy as np
    from scipy.fftpack import dct, idct

    wanted = imagehash.phash(target).hash
    image = start.resize((256, 256))
    for _ in range(rounds):
        stored = _as_stored(image)
        if (imagehash.phash(stored).hash != wanted).sum() <= 2:
            break
        grey = np.asarray(stored.convert("L").resize((32, 32), Image.Resampling.LANCZOS), float)
        low = dct(dct(grey, axis=0), axis=1)[:8, :8]
        median = np.median(low)
        push = np.zeros((32, 32))
        push[:8, :8] = np.where(wanted, median + 300 - low, median - 300 - low)
        push[:8, :8] = np.where(wanted == (low > median), 0, push[:8, :8])
        # scipy's unscaled DCT-II twice: the inverse gives back 4 × 32 × 32 times the pixels.
        delta = idct(idct(push, axis=0), axis=1) / (4 * 32 * 32)
        layer = Image.fromarray(delta.astype("float32"), mode="F").resize(
            (256, 256), Image.Resampling.BICUBIC
        )
        pixels = np.asarray(image, float) + np.asarray(layer)[:, :, None]
        image = Image.fromarray(np.clip(pixels, 0, 255).astype("uint8"))
    return image
