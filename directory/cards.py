"""Professional cards: what the search page and the home page's "certified near you"
show for each search row, in the visitor's language."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Locale

from core import cache_tags
from core.page_locales import PAGE_LINK_FIELDS

from .models import ProfessionalPage
from .names import service_categories
from .tags import DIRECTORY_TAG

CARD_PHOTO = "fill-160x160|format-webp"
CARD_PHOTO_2X = "fill-320x320|format-webp"
# The columns a card reads (templates/directory/_card.html, its cache key, `{% pageurl %}`):
# a profile row is wide (biography, contacts), read a dozen times a page.
CARD_FIELDS = (*PAGE_LINK_FIELDS, "last_published_at", "neighbourhood", "photo", "town")


# How long a card's page is kept at most: any publish (PAGE_TREE), a rewrite of any
# search row (DIRECTORY_TAG) or a site-wide change (ALL) makes every one stale at once.
CARD_PAGES_SECONDS = 300


def cards_for(rows, *, locale, renditions=True):
    """One card per search row: the profile in this language, else the French one.
    Without renditions for a page that reads every card's at once (core/renditions.py):
    that page keeps its cards itself (home/selectors.py)."""
    categories = service_categories()
    keys = list(dict.fromkeys(row.translation_key for row in rows))
    if renditions:
        by_key = _kept_card_pages(keys, locale=locale)
    else:
        by_key = _card_pages(keys, locale=locale, renditions=False)
    return [
        {
            "listing": row,
            "page": by_key[row.translation_key],
            "categories": [category for category in categories if category.pk in row.category_ids],
        }
        for row in rows
        if row.translation_key in by_key
    ]


def _kept_card_pages(keys, *, locale):
    """_card_pages, each professional's kept in the cache under the versions of the
    all-pages, page-tree and directory tags (any publish, or a search row rewritten): a
    search mostly shows professionals other searches showed, and a cache miss of the
    page then reads none of them again."""
    if not keys:
        return {}
    tags = (cache_tags.ALL, cache_tags.PAGE_TREE, DIRECTORY_TAG)
    versions = cache_tags.current_versions(tags)
    prefix = f"directory:card-page:{'-'.join(versions[tag] for tag in tags)}"
    names = {f"{prefix}:{locale.pk}:{key}": key for key in keys}
    found = {names[name]: page for name, page in cache.get_many(list(names)).items()}
    missing = [key for key in keys if key not in found]
    if missing:
        read = _card_pages(missing, locale=locale, renditions=True)
        cache.set_many(
            {f"{prefix}:{locale.pk}:{key}": page for key, page in read.items()},
            CARD_PAGES_SECONDS,
        )
        found.update(read)
    return found


def _card_pages(keys, *, locale, renditions):
    """{translation key: the live profile page in this language, else the French one}."""
    if not keys:
        return {}
    if renditions:
        photos = Prefetch(
            "photo",
            queryset=get_image_model().objects.prefetch_renditions(CARD_PHOTO, CARD_PHOTO_2X),
        )
    pages = (
        ProfessionalPage.objects.live()
        .filter(
            translation_key__in=keys,
            locale__in=Locale.objects.filter(
                # By code in the same query: no query of its own for the default locale.
                language_code__in=[
                    locale.language_code,
                    get_supported_content_language_variant(settings.LANGUAGE_CODE),
                ]
            ),
        )
        .select_related("town")
        .only(*CARD_FIELDS)
    )
    pages = pages.prefetch_related(photos) if renditions else pages.select_related("photo")
    by_key = {}
    for page in pages:
        if page.locale_id == locale.pk or page.translation_key not in by_key:
            by_key[page.translation_key] = page
    return by_key


def cards_key(cards):
    """One key for these cards in this order, changing with any card's own cache key
    (templates/directory/_card.html): the search page keeps them as one fragment, read
    in one round trip instead of one per card."""
    keys = [
        (
            card["page"].pk,
            card["page"].last_published_at,
            card["listing"].town_id,
            getattr(card["listing"], "distance", None),
            card["listing"].rating_average,
            card["listing"].rating_count,
            card["listing"].min_price_xaf,
            card["listing"].is_certified,
            card["listing"].travels_to_clients,
            card["listing"].category_ids,
        )
        for card in cards
    ]
    return hashlib.sha256(repr(keys).encode()).hexdigest()[:32]
