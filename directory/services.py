"""Writes of the directory: listing sync, ratings, statistics, reviews' answers."""

from collections import defaultdict

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Avg, Count, F, TextField, Value

from core.cache_tags import invalidate
from core.page_invalidation import content_changed
from core.page_locales import canonical
from core.text import fold

from .models import (
    ProfessionalListing,
    ProfessionalPage,
    Review,
    ServiceCategory,
    WeeklyStats,
)
from .selectors import certificates_of, week_start
from .tags import DIRECTORY_TAG


@transaction.atomic
def sync_listing(*, professional):
    """Rewrite the search row of a professional from their pages, services and reviews."""
    page = canonical(professional)
    translations = list(
        ProfessionalPage.objects.filter(translation_key=page.translation_key).only(
            "title", "bio", "neighbourhood"
        )
    )
    services = list(page.services.filter(is_active=True).select_related("category"))
    prices = [service.price_xaf for service in services]
    category_ids = {service.category_id for service in services}
    category_ids |= {category.pk for category in page.specialities.all()}
    categories = ServiceCategory.objects.filter(pk__in=category_ids)
    town = page.town
    words = [version.title for version in translations]
    words += [version.bio for version in translations]
    words += [page.neighbourhood, town.name if town else ""]
    words += [name for service in services for name in (service.name_fr, service.name_en)]
    words += [name for category in categories for name in (category.name_fr, category.name_en)]
    codes = [language.code for language in page.languages.all()]
    listing, _created = ProfessionalListing.objects.update_or_create(
        professional=page,
        defaults={
            "translation_key": page.translation_key,
            "is_live": page.live,
            "title": page.title,
            "town": town,
            "region": town.region if town else "",
            "travels_to_clients": page.travels_to_clients,
            "travel_radius_km": page.travel_radius_km if page.travels_to_clients else 0,
            "min_price_xaf": min(prices) if prices else None,
            "max_price_xaf": max(prices) if prices else None,
            "rating_average": page.rating_average,
            "rating_count": page.rating_count,
            "is_certified": bool(certificates_of(page.user)),
            "language_codes": "".join(f"|{code}" for code in codes) + "|" if codes else "",
            "document": fold("\n".join(word for word in words if word)),
            "category_ids": sorted(category_ids),
        },
    )
    _refresh_search_vector(listing)
    listing_changed(page)
    return listing


def listing_changed(page):
    """A professional's page and every search that may list her are stale."""
    content_changed(page)
    invalidate(DIRECTORY_TAG)


def _refresh_search_vector(listing):
    """PostgreSQL keeps a tsvector of the folded text (the business name weighs most);
    SQLite searches `document` itself."""
    if connection.vendor != "postgresql":
        return
    ProfessionalListing.objects.filter(pk=listing.pk).update(
        search_vector=SearchVector(
            Value(fold(listing.title), output_field=TextField()), weight="A", config="simple"
        )
        + SearchVector("document", weight="B", config="simple")
    )


@transaction.atomic
def refresh_rating(*, professional):
    """Recount the rating from visible reviews, on every language version of the page.

    Called by booking after a review is written, and by moderation when one is hidden."""
    page = canonical(professional)
    # Serialise concurrent recounts of the same professional.
    ProfessionalPage.objects.select_for_update().filter(pk=page.pk).first()
    figures = Review.objects.filter(professional=page, is_hidden=False).aggregate(
        average=Avg("rating"), count=Count("pk")
    )
    average = round(figures["average"] or 0, 2)
    ProfessionalPage.objects.filter(translation_key=page.translation_key).update(
        rating_average=average, rating_count=figures["count"]
    )
    ProfessionalListing.objects.filter(pk=page.pk).update(
        rating_average=average, rating_count=figures["count"]
    )
    page.rating_average, page.rating_count = average, figures["count"]
    listing_changed(page)
    return page


def add_to_weekly_stats(*, field, counts, day):
    """Add counted views or search appearances (default-locale page id → how many) to
    the week holding ``day``: one insert of the missing rows and one UPDATE per distinct
    number, whatever the number of professionals; pages deleted since are skipped."""
    week = week_start(day)
    known = set(ProfessionalPage.objects.filter(pk__in=counts).values_list("pk", flat=True))
    WeeklyStats.objects.bulk_create(
        [WeeklyStats(professional_id=pk, week_start=week) for pk in known],
        ignore_conflicts=True,
    )
    by_number = defaultdict(list)
    for pk in known:
        by_number[counts[pk]].append(pk)
    for number, ids in by_number.items():
        WeeklyStats.objects.filter(professional_id__in=ids, week_start=week).update(
            **{field: F(field) + number}
        )
