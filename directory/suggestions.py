"""The directory's search suggestions: live professionals, towns and services whose
name starts with what is typed (core.search_suggestions), in the page's language.

Professionals are found in the search table (PostgreSQL: its tsvector, business name
only; SQLite: its folded text), never read whole: the directory may hold 100,000.
Towns and services are a few dozen rows, read once per language into an index kept in
the cache. The tags below make both stale when a search row or a name changes."""

from django.contrib.postgres.search import SearchQuery
from django.core.cache import cache
from django.db import connection
from django.utils.translation import gettext as _

from core.cache_tags import ALL
from core.page_locales import localize_pages
from core.search_suggestions import (
    CACHE_SECONDS,
    matches,
    name_words,
    suggestion,
    versioned_key,
)

from .models import ProfessionalIndexPage, ProfessionalListing, ServiceCategory, Town
from .services import DIRECTORY_TAG

SUGGESTION_TAGS = (DIRECTORY_TAG, ALL)
PROFESSIONALS_SHOWN = 3
TOWNS_SHOWN = 2
SERVICES_SHOWN = 2
# SQLite matches anywhere in the folded text (a bio too): a few more rows are read and
# the names checked here.
PROFESSIONALS_READ = 20


def suggest(*, words, locale, request=None):
    """Up to three professionals, two towns and two services matching `words`."""
    index = _index(locale, request)
    towns = [(n, u) for w, n, u in index["towns"] if matches(words, w)][:TOWNS_SHOWN]
    services = [(n, u) for w, n, u in index["services"] if matches(words, w)][:SERVICES_SHOWN]
    return [
        *(
            suggestion(kind="professional", kind_label=_("Professional"), label=n, url=u)
            for n, u in _professionals(words, locale, request)
        ),
        *(suggestion(kind="town", kind_label=_("Town"), label=n, url=u) for n, u in towns),
        *(suggestion(kind="service", kind_label=_("Service"), label=n, url=u) for n, u in services),
    ]


def _professionals(words, locale, request):
    """(name, url) of the best rated live professionals whose name matches. Two
    queries: the search rows, then their pages in this language."""
    listings = ProfessionalListing.objects.filter(is_live=True)
    if connection.vendor == "postgresql":
        # Weight A is the business name alone (directory.services); \w+ words are safe raw.
        query = SearchQuery(
            " & ".join(f"{word}:*A" for word in words), search_type="raw", config="simple"
        )
        listings = listings.filter(search_vector=query)
    else:
        for word in words:
            listings = listings.filter(document__contains=word)
    # The order of the index listing_live_by_rating: for a broad prefix ("st") PostgreSQL
    # walks it and stops at the first rows that match, instead of sorting thousands.
    rows = listings.order_by("-rating_average", "-rating_count", "professional").select_related(
        "professional"
    )[:PROFESSIONALS_READ]
    pages = [row.professional for row in rows if matches(words, name_words(row.title))]
    shown = localize_pages(pages[:PROFESSIONALS_SHOWN], locale)
    return [(page.title, page.get_url(request)) for page in shown]


def _index(locale, request):
    key = versioned_key("suggest:directory", SUGGESTION_TAGS, locale.pk)
    index = cache.get(key)
    if index is None:
        index = _read_index(locale, request)
        cache.set(key, index, CACHE_SECONDS)
    return index


def _read_index(locale, request):
    directory = ProfessionalIndexPage.objects.live().filter(locale=locale).first()
    if directory is None:
        return {"towns": [], "services": []}
    url = directory.get_url(request)
    return {
        "towns": [
            (name_words(town.name), town.name, f"{url}?town={town.slug}")
            for town in Town.objects.all()
        ],
        "services": [
            (name_words(category.name), category.name, f"{url}?category={category.slug}")
            for category in ServiceCategory.objects.all()
        ],
    }
