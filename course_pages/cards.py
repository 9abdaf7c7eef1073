"""What a course card needs read with the courses: its cover image and the renditions
templates/components/course/card.html asks for, two queries for any number of cards."""

from django.db.models import Prefetch
from wagtail.images import get_image_model

# The card's renditions, the data saver's one included.
COURSE_CARD_IMAGES = (
    "fill-360x202|format-webp",
    "fill-720x405|format-webp",
    "fill-360x202|format-webp|webpquality-40",
)


def with_card_images(courses):
    """The courses with their cover's card renditions where `{% image %}` looks first
    (Wagtail's `prefetched_renditions`), so no card asks the rendition cache."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=COURSE_CARD_IMAGES)
    )
    return courses.select_related("cover_image").prefetch_related(
        Prefetch("cover_image__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )
