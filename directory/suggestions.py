"""The directory's search suggestions: live professionals, towns and services whose
name starts with what is typed (core.search_suggestions), in the page's language.

Professionals are found in the search table (PostgreSQL: its tsvector, business name
only; SQLite: its folded text), never read whole: the directory may hold 100,000.
Towns and services are a few dozen rows, read once per language into an index kept in
the cache. The tags below make both stale when a search row or a name changes."""

from django.contrib.postgres.search import SearchQuery
from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.cache_tags import ALL
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
# The order of the index listing_live_by_rating.
BEST_RATED = ("-rating_average", "-rating_count", "professional")
# How many of the best rated rows a common prefix is looked for in first.
BEST_RATED_SCANNED = 2000


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
    """(name, url) of the best rated live professionals whose name matches: two or
    three queries (the search rows, then their pages in this language)."""
    rows = _matching_rows(words)
    found = [row for row in rows if matches(words, name_words(row.title))][:PROFESSIONALS_SHOWN]
    keys = {row.translation_key for row in found}
    pages = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.live().filter(
            Q(translation_key__in=keys, locale=locale) | Q(pk__in=[row.pk for row in found])
        )
    }
    shown = []
    for row in found:
        page = pages.get((row.translation_key, locale.pk))
        page = page or next((p for p in pages.values() if p.pk == row.pk), None)
        if page is not None:
            shown.append((page.title, page.get_url(request)))
    return shown


def _matching_rows(words):
    """Search rows whose name may match, best rated first (names are checked after)."""
    live = ProfessionalListing.objects.filter(is_live=True).only("title", "translation_key")
    if connection.vendor != "postgresql":
        for word in words:
            live = live.filter(document__contains=word)
        return list(live.order_by(*BEST_RATED)[:PROFESSIONALS_READ])
    # Weight A is the business name alone (directory.services); \w+ words are safe raw.
    query_text = " & ".join(f"{word}:*A" for word in words)
    query = SearchQuery(query_text, search_type="raw", config="simple")
    # PostgreSQL cannot tell how many names start with "st": asked for the best rated
    # at once, it walks the rating index, fast for a common prefix and a full scan for a
    # rare one. So: first among the best rated rows only (a bounded read, kept apart by
    # MATERIALIZED so the full-text index is not used to find them), then, when too few
    # are there, through the full-text index, sorted on a key no index has so that
    # PostgreSQL reads that index instead of walking rows.
    rows = list(ProfessionalListing.objects.raw(_AMONG_BEST_RATED_SQL, [query_text]))
    if len(rows) >= PROFESSIONALS_SHOWN:
        return rows
    return list(
        live.filter(search_vector=query).order_by(
            "-rating_count", "-rating_average", "professional"
        )[:PROFESSIONALS_READ]
    )


_LISTINGS = ProfessionalListing._meta.db_table
_AMONG_BEST_RATED_SQL = f"""
    WITH best AS MATERIALIZED (
        SELECT professional_id, title, translation_key, rating_average, rating_count,
            search_vector
        FROM {_LISTINGS} WHERE is_live
        ORDER BY rating_average DESC, rating_count DESC, professional_id
        LIMIT {BEST_RATED_SCANNED}
    )
    SELECT professional_id, title, translation_key FROM best
    WHERE search_vector @@ to_tsquery('simple', %s)
    ORDER BY rating_average DESC, rating_count DESC, professional_id
    LIMIT {PROFESSIONALS_READ}
"""  # noqa: S608 - only the model's table name and our own constants are formatted in


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
