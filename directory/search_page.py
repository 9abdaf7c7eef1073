"""The directory search page: filter the search table, page it, show the cards.

Queries stay constant whatever the number of results: a capped count + one page of
search rows + the categories + the page objects in this language (+ their photos'
renditions)."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from core import cache_tags, page_cache
from core.page_numbers import plain_page_number
from core.rate_limits import over_limit

from .announcements import announce_search
from .cards import cards_for, cards_key
from .extensions import AVAILABILITY_TAG
from .filters import ProfessionalFilter
from .models import ProfessionalListing
from .services import DIRECTORY_TAG
from .view_counts import count_search_appearances

CARDS_PER_PAGE = 12
# The page cache's name for what a search does when served from the cache
# (directory/page_cache_hits.py).
SEARCH_HIT = "directory.search"
# The query parameters the search reads (its filters and the page number).
SEARCH_PARAMS = (
    "q", "category", "region", "town", "near", "comes_to_me", "price_min", "price_max",
    "min_rating", "language", "certified", "available_on", "sort", "page",
)  # fmt: skip

# A page of results is kept at most this long; its tags make any change show at once.
RESULTS_SECONDS = 300

# Past this many matches the page says "more than 1,000": an exact count of a broad
# search would read every match, and nobody pages that far instead of refining.
MAX_COUNTED_RESULTS = 1000


def over_search_limit(request):
    """Counts this search against ``settings.RATELIMIT_SEARCH`` per client address (read
    by ``core.client_address.client_ip``), in one round trip: it runs on page-cache hits."""
    return over_limit(request, "directory.search", settings.RATELIMIT_SEARCH)


def search(params):
    """The bound filter over live search rows and the paginator of its results."""
    directory_filter = _filter(params)
    return directory_filter, _paginator(directory_filter)


def _filter(params):
    listings = ProfessionalListing.objects.filter(is_live=True)
    return ProfessionalFilter(params or None, queryset=listings)


def _paginator(directory_filter):
    return CappedPaginator(directory_filter.qs, CARDS_PER_PAGE, cap=MAX_COUNTED_RESULTS)


def rows_of(results):
    """The search rows of one page of results, without the search text they carry."""
    return list(results.object_list.select_related("town").defer("document", "search_vector"))


def cache_tags_of_search(params):
    """What a search shows: the search rows (any may enter or leave the results), and
    the free slots when it asks for a day."""
    return [DIRECTORY_TAG, AVAILABILITY_TAG] if params.get("available_on") else [DIRECTORY_TAG]


def search_context(request, *, index_page):
    directory_filter = _filter(request.GET)
    # Its results are read only when the page of them is not kept.
    found = _page_of_results(
        request, locale=index_page.locale, read_paginator=lambda: _paginator(directory_filter)
    )
    ids = [row.pk for row in found.rows]
    count_search_appearances(ids)
    # Served from the cache, the same rows count again (directory/page_cache_hits.py).
    page_cache.shows(request, hit=(SEARCH_HIT, ids))
    announce_search(request)
    return {
        "filter": directory_filter,
        "results": found.page,
        "cards": found.cards,
        "cards_key": found.cards_key,
        "page_notice": found.notice,
        "query_string": _query_string_without_page(request),
    }


class _PageOfResults:
    def __init__(self, page, rows, cards, notice=""):
        self.page = page
        self.rows = rows
        self.cards = cards
        self.cards_key = cards_key(cards)
        self.notice = notice


def _page_of_results(request, *, locale, read_paginator):
    """The page of results and their cards. A page asked by a plain number is kept under
    the versions of the tags it shows (a rewritten search row, any publish, the free
    slots of a day asked for, a town or category renamed), the same for everyone who
    asks the same search in this language: a miss of the page then reads no row."""
    if plain_page_number(request.GET.getlist("page")) is None:
        return _read_page_of_results(request, read_paginator(), locale=locale)
    tags = (cache_tags.ALL, cache_tags.PAGE_TREE, *cache_tags_of_search(request.GET))
    versions = cache_tags.current_versions(tags)
    asked = sorted((name, values) for name, values in request.GET.lists() if name in SEARCH_PARAMS)
    digest = hashlib.sha256(repr(asked).encode()).hexdigest()[:32]
    key = f"directory-search:{locale.pk}:{digest}:{'-'.join(versions[tag] for tag in tags)}"
    kept = cache.get(key)
    if kept is not None:
        paginator = _KeptPaginator(kept["count"], CARDS_PER_PAGE, capped=kept["capped"])
        return _PageOfResults(paginator.page(kept["number"]), kept["rows"], kept["cards"])
    paginator = read_paginator()
    found = _read_page_of_results(request, paginator, locale=locale)
    if not found.notice:
        kept = {
            "count": paginator.count,
            "capped": paginator.is_capped,
            "number": found.page.number,
            "rows": found.rows,
            "cards": found.cards,
        }
        cache.set(key, kept, RESULTS_SECONDS)
    return found


def _read_page_of_results(request, paginator, *, locale):
    page_notice = ""
    try:
        results = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        results = paginator.page(1)
        page_notice = _("That page number is not valid: here is the first page.")
        page_cache.skip(request)
    except EmptyPage:
        results = paginator.page(paginator.num_pages)
        page_notice = _("There are fewer pages of results: here is the last one.")
        page_cache.skip(request)
    rows = rows_of(results)
    return _PageOfResults(results, rows, cards_for(rows, locale=locale), page_notice)


class _KeptPaginator(Paginator):
    """The paginator of a kept page of results: its counts, no rows."""

    def __init__(self, count, per_page, *, capped):
        super().__init__(range(count), per_page)
        self.is_capped = capped


class CappedPaginator(Paginator):
    """A paginator that counts at most `cap` results (the count runs with a LIMIT)."""

    def __init__(self, object_list, per_page, *, cap, **kwargs):
        self.cap = cap
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def _matches_up_to_cap_plus_one(self):
        # No ORDER BY in the count: the rank and rating sort are only needed for a page.
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self):
        return min(self._matches_up_to_cap_plus_one, self.cap)

    @property
    def is_capped(self):
        return self._matches_up_to_cap_plus_one > self.cap


def _query_string_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
