"""The catalogue as most visitors see it (no filter, a page number), kept between
changes: a cache miss of the page then reads no course at all.

A page of it is kept under the versions of the all-pages, page-tree and catalogue tags
(a course or instructor published, unpublished, moved or deleted, a view restriction
added or removed, a category renamed) and checked against the tags of the courses it
lists (a new rating: enrolment.reviews makes the course's tag stale)."""

from collections.abc import Sequence

from django.core.cache import cache
from django.core.paginator import EmptyPage, Paginator
from django.utils.functional import cached_property

from core import cache_tags
from core.cache_tags import page_tag
from core.page_numbers import plain_page_number

from .cards import card_key, cards_key

# At most this long; the tags make any change show at once.
LISTING_SECONDS = 300


def unfiltered_page_number(params):
    """The page number asked for when nothing else is; None when a filter is asked for
    or the number is not a plain one (the catalogue then answers as it always did)."""
    if set(params) - {"page"}:
        return None
    return plain_page_number(params.getlist("page"))


class KeptPage:
    """One page of the listing: the paginator page (courses read only when iterated),
    their ids and the key of their rendered cards."""

    def __init__(self, page, ids, cards):
        self.page = page
        self.ids = ids
        self.cards_key = cards


def kept_page(catalogue, *, number, read_courses, per_page):
    """Page ``number`` of the courses ``read_courses()`` returns (the catalogue's
    unfiltered queryset), kept; None when there is no such page."""
    tags = (cache_tags.ALL, cache_tags.PAGE_TREE, page_tag(catalogue))
    versions = cache_tags.current_versions(tags)
    key = f"catalogue-listing:{catalogue.pk}:{number}:{'-'.join(versions[tag] for tag in tags)}"
    entry = cache.get(key)
    if entry is not None and _still_current(entry["courses"]):
        page = Paginator(range(entry["count"]), per_page).page(number)
        page.object_list = _CoursesByIds(entry["ids"], read_courses)
        return KeptPage(page, entry["ids"], entry["cards"])
    try:
        page = Paginator(read_courses(), per_page).page(number)
    except EmptyPage:
        return None
    listed = list(page.object_list)
    page.object_list = listed
    ids = [course.pk for course in listed]
    cards = cards_key(card_key(course) for course in listed)
    entry = {
        "count": page.paginator.count,
        "ids": ids,
        "cards": cards,
        # Read after the courses: a rating changed meanwhile leaves the entry stale.
        "courses": cache_tags.current_versions([page_tag(pk) for pk in ids]),
    }
    cache.set(key, entry, LISTING_SECONDS)
    return KeptPage(page, ids, cards)


def _still_current(stored):
    return cache_tags.current_versions(list(stored)) == stored


class _CoursesByIds(Sequence):
    """The listed courses, read (in their order) only when a card has to be rendered."""

    def __init__(self, ids, read_courses):
        self.ids = ids
        self.read_courses = read_courses

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        return self._read[index]

    @cached_property
    def _read(self):
        by_id = {course.pk: course for course in self.read_courses().filter(pk__in=self.ids)}
        return [by_id[pk] for pk in self.ids if pk in by_id]
