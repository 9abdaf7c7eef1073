"""Professional cards: what the search page and the home page's "certified near you"
show for each search row, in the visitor's language."""

from django.conf import settings
from django.db.models import Prefetch
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Locale

from .models import ProfessionalPage
from .names import service_categories

CARD_PHOTO = "fill-160x160|format-webp"
CARD_PHOTO_2X = "fill-320x320|format-webp"
# The columns a card reads (templates/directory/_card.html, its cache key, `{% pageurl %}`):
# a profile row is wide (biography, contacts), read a dozen times a page.
CARD_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "live",
    "locale_id",
    "translation_key",
    "content_type_id",
    "last_published_at",
    "neighbourhood",
    "photo",
    "town",
)


def cards_for(rows, *, locale, renditions=True):
    """One card per search row: the profile in this language, else the French one.
    Without renditions for a page that reads every card's at once (core/renditions.py)."""
    categories = service_categories()
    keys = [row.translation_key for row in rows]
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
    return [
        {
            "listing": row,
            "page": by_key[row.translation_key],
            "categories": [category for category in categories if category.pk in row.category_ids],
        }
        for row in rows
        if row.translation_key in by_key
    ]
