"""The catalogue's search suggestions: live public courses and course categories of
the page's language whose name starts with what is typed (core.search_suggestions).

The names are read once per language into a small index kept in the cache; the tags
below make it stale when a course is published, withdrawn, moved or deleted (the
course tree tag) or a category changes (categories make every page stale)."""

from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.cache_tags import ALL
from core.search_suggestions import (
    CACHE_SECONDS,
    matches,
    name_words,
    suggestion,
    versioned_key,
)

from .models import CourseCategory, CourseIndexPage, CoursePage
from .models.instructors import COURSE_TREE_TAG

SUGGESTION_TAGS = (COURSE_TREE_TAG, ALL)
COURSES_SHOWN = 4
CATEGORIES_SHOWN = 2


def suggest(*, words, locale, request=None):
    """Up to four courses then two categories matching `words`, best first."""
    index = _index(locale, request)
    courses = _best(words, index["courses"])[:COURSES_SHOWN]
    categories = _best(words, index["categories"])[:CATEGORIES_SHOWN]
    return [
        *(
            suggestion(
                kind="course", kind_label=pgettext("search suggestion", "Course"), label=n, url=u
            )
            for n, u in courses
        ),
        *(
            suggestion(kind="category", kind_label=_("Category"), label=n, url=u)
            for n, u in categories
        ),
    ]


def _best(words, entries):
    """(name, url) of the matching entries, those whose first word starts with the
    first typed word first, then by name."""
    found = [entry for entry in entries if matches(words, entry[0])]
    found.sort(key=lambda entry: (not entry[0][0].startswith(words[0]), entry[1].casefold()))
    return [(name, url) for _words, name, url in found]


def _index(locale, request):
    key = versioned_key("suggest:catalogue", SUGGESTION_TAGS, locale.pk)
    index = cache.get(key)
    if index is None:
        index = _read_index(locale, request)
        cache.set(key, index, CACHE_SECONDS)
    return index


def _read_index(locale, request):
    courses = CoursePage.objects.live().public().filter(locale=locale).select_related("locale")
    catalogue = CourseIndexPage.objects.live().filter(locale=locale).first()
    categories = CourseCategory.objects.filter(locale=locale) if catalogue else []
    catalogue_url = catalogue.get_url(request) if catalogue else ""
    return {
        "courses": [
            (name_words(course.title), course.title, course.get_url(request))
            for course in courses
            if name_words(course.title)
        ],
        "categories": [
            (name_words(category.name), category.name, f"{catalogue_url}?category={category.slug}")
            for category in categories
            if name_words(category.name)
        ],
    }
