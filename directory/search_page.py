"""The directory search page: filter the search table, page it, show the cards.

Queries stay constant whatever the number of results: count + one page of search rows
+ their categories + the page objects in this language (+ their photos' renditions)."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale

from .filters import ProfessionalFilter
from .models import ProfessionalListing, ProfessionalPage
from .services import record_search_appearances

CARDS_PER_PAGE = 12
CARD_PHOTO = "fill-160x160|format-webp"
CARD_PHOTO_2X = "fill-320x320|format-webp"


def search_context(request, *, index_page):
    listings = ProfessionalListing.objects.filter(is_live=True)
    directory_filter = ProfessionalFilter(request.GET or None, queryset=listings)
    paginator = Paginator(directory_filter.qs, CARDS_PER_PAGE)
    page_notice = ""
    try:
        results = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        results = paginator.page(1)
        page_notice = _("That page number is not valid: here is the first page.")
    except EmptyPage:
        results = paginator.page(paginator.num_pages)
        page_notice = _("There are fewer pages of results: here is the last one.")
    rows = list(results.object_list.prefetch_related("categories", "town"))
    record_search_appearances(professional_ids=[row.pk for row in rows])
    cards = _cards(rows, locale=index_page.locale)
    return {
        "filter": directory_filter,
        "results": results,
        "cards": cards,
        "page_notice": page_notice,
        "query_string": _query_string_without_page(request),
    }


def _cards(rows, *, locale):
    """One card per search row: the profile in this language, else the French one."""
    keys = [row.translation_key for row in rows]
    photos = Prefetch(
        "photo", queryset=get_image_model().objects.prefetch_renditions(CARD_PHOTO, CARD_PHOTO_2X)
    )
    pages = (
        ProfessionalPage.objects.live()
        .filter(translation_key__in=keys, locale__in=[locale, Locale.get_default()])
        .select_related("town")
        .prefetch_related(photos)
    )
    by_key = {}
    for page in pages:
        if page.locale_id == locale.pk or page.translation_key not in by_key:
            by_key[page.translation_key] = page
    return [
        {"listing": row, "page": by_key[row.translation_key]}
        for row in rows
        if row.translation_key in by_key
    ]


def _query_string_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
