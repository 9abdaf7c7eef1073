"""Image renditions of a whole page read in one query, wherever its pictures come from.

`{% image %}` looks first in an image's `prefetched_renditions` (Wagtail). A page that
draws cards of several kinds (courses, articles, professionals) reads every card's
renditions at once here, instead of one query per list."""

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model


def prefetch_renditions(images, filter_specs):
    """Fill `prefetched_renditions` of these images (None skipped) with their renditions
    of these filter specs, in one query."""
    images = [image for image in images if image is not None]
    if not images:
        return
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=filter_specs)
    )
    prefetch_related_objects(
        images, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")
    )
