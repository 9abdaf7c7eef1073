"""The directory search page: filter the search table, page it, show the cards.

Queries stay constant whatever the number of results: a capped count + one page of
search rows + the categories + the page objects in this language (+ their photos'
renditions)."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from core import page_cache

from .announcements import announce_search
from .cards import cards_for
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

# Past this many matches the page says "more than 1,000": an exact count of a broad
# search would read every match, and nobody pages that far instead of refining.
MAX_COUNTED_RESULTS = 1000


def over_search_limit(request):
    """Counts this search against ``settings.RATELIMIT_SEARCH`` per client address (the
    key "ip" reads ``core.client_address.client_ip``). A page's serve() takes no decorator,
    so the search page asks django-ratelimit itself."""
    return is_ratelimited(
        request,
        group="directory.search",
        key="ip",
        rate=lambda group, request: settings.RATELIMIT_SEARCH,
        increment=True,
    )


def search(params):
    """The bound filter over live search rows and the paginator of its results."""
    listings = ProfessionalListing.objects.filter(is_live=True)
    directory_filter = ProfessionalFilter(params or None, queryset=listings)
    paginator = CappedPaginator(directory_filter.qs, CARDS_PER_PAGE, cap=MAX_COUNTED_RESULTS)
    return directory_filter, paginator


def rows_of(results):
    """The search rows of one page of results, without the search text they carry."""
    return list(results.object_list.select_related("town").defer("document", "search_vector"))


def cache_tags_of_search(params):
    """What a search shows: the search rows (any may enter or leave the results), and
    the free slots when it asks for a day."""
    return [DIRECTORY_TAG, AVAILABILITY_TAG] if params.get("available_on") else [DIRECTORY_TAG]


def search_context(request, *, index_page):
    directory_filter, paginator = search(request.GET)
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
    ids = [row.pk for row in rows]
    count_search_appearances(ids)
    # Served from the cache, the same rows count again (directory/page_cache_hits.py).
    page_cache.shows(request, hit=(SEARCH_HIT, ids))
    announce_search(request)
    cards = cards_for(rows, locale=index_page.locale)
    return {
        "filter": directory_filter,
        "results": results,
        "cards": cards,
        "page_notice": page_notice,
        "query_string": _query_string_without_page(request),
    }


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
