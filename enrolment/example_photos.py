"""The course's own example photos (its cover and every image its lessons show, found
through Wagtail's reference index) and their perceptual fingerprints, kept in the cache
by file so a practice-work check reads them instead of decoding every image again."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from core.page_locales import canonical

from .pages import lesson_model
from .photo_fingerprints import NotComparable, fingerprint_file

CACHE_SECONDS = 30 * 24 * 3600


def example_images(course):
    """The images the default-locale course page and its live lessons refer to."""
    course = canonical(course)
    page_ids = [
        course.pk,
        *lesson_model().objects.live().child_of(course).values_list("pk", flat=True),
    ]
    image_ids = (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in page_ids],
            to_content_type=ContentType.objects.get_for_model(get_image_model()),
        )
        .values_list("to_object_id", flat=True)
        .distinct()
    )
    return list(
        get_image_model().objects.filter(pk__in=[int(pk) for pk in image_ids if pk.isdigit()])
    )


def example_prints(course):
    """[(image id, phash, dhash, colour)] of the course's example photos that can be
    compared (tiny, plain or unreadable images are left out)."""
    images = example_images(course)
    keys = {image.pk: _cache_key(image) for image in images}
    known = cache.get_many(list(keys.values()))
    found = {}
    for image in images:
        if keys[image.pk] in known:
            continue
        try:
            with image.open_file() as file:
                photo_print = fingerprint_file(file)
        except NotComparable:
            found[keys[image.pk]] = None
        except OSError:
            continue  # a missing file: tried again at the next check
        else:
            found[keys[image.pk]] = (photo_print.phash, photo_print.dhash, photo_print.colour)
    if found:
        cache.set_many(found, CACHE_SECONDS)
    known.update(found)
    return [
        (image.pk, *known[keys[image.pk]])
        for image in images
        if known.get(keys[image.pk]) is not None
    ]


def _cache_key(image):
    # A new file under the same image makes a new key: the old fingerprint is never read.
    return f"enrolment:example-print:{image.pk}:{image.file_hash or image.file.name}"
