"""What a course card needs read with the courses: its cover image and the renditions
templates/components/course/card.html asks for, two queries for any number of cards,
and its rating, in the courses' own query."""

import hashlib

from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from wagtail.images import get_image_model

from enrolment.models import CourseRating

# The card's renditions, the data saver's one included.
COURSE_CARD_IMAGES = (
    "fill-360x202|format-webp",
    "fill-720x405|format-webp",
    "fill-360x202|format-webp|webpquality-40",
)


# The columns a card reads (templates/components/course/card.html, its cache key and
# `{% pageurl %}`), with its category's and instructor's. A course page row with its
# instructor's is about a hundred columns: building and reading them all cost a third of
# the catalogue's time in the database layer.
COURSE_CARD_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "numchild",
    "live",
    "locale_id",
    "translation_key",
    "content_type_id",
    "last_published_at",
    "first_published_at",
    "level",
    "price_xaf",
    "cover_image",
    "category__name",
    "instructor__title",
    "instructor__last_published_at",
)


def card_columns(courses):
    """The courses with their category and instructor, only the columns a card reads."""
    return courses.select_related("category", "instructor").only(*COURSE_CARD_FIELDS)


def with_card_images(courses):
    """The courses with their cover's card renditions where `{% image %}` looks first
    (Wagtail's `prefetched_renditions`), so no card asks the rendition cache."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=COURSE_CARD_IMAGES)
    )
    return courses.select_related("cover_image").prefetch_related(
        Prefetch("cover_image__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def with_ratings(courses):
    """The courses with `rating_average` and `rating_count` from enrolment's rollup,
    read in the same query: ratings point at the default-locale course, so they are
    found by translation_key for the catalogue in every language."""
    ratings = CourseRating.objects.filter(course__translation_key=OuterRef("translation_key"))
    return courses.annotate(
        rating_average=Subquery(ratings.values("average")[:1]),
        rating_count=Coalesce(Subquery(ratings.values("count")[:1]), 0),
    )


def card_key(course):
    """What a card is rendered from (templates/components/course/card.html's cache key)."""
    return (
        course.pk,
        course.last_published_at,
        course.instructor.last_published_at,
        course.numchild,
        course.rating_average,
        course.rating_count,
    )


def cards_key(keys):
    """One key for a list of cards in this order (its ``card_key``s): the catalogue keeps
    the rendered list as one fragment, read in one round trip instead of one per card."""
    return hashlib.sha256(repr(list(keys)).encode()).hexdigest()[:32]
