"""Reads for the platform statistics: who offers what where (the live search rows), the
names of towns and services, and which people are professionals."""

from collections import Counter
from dataclasses import dataclass, field

from .models import ProfessionalListing, ProfessionalPage, ServiceCategory, Town


@dataclass
class Supply:
    towns: dict = field(default_factory=dict)  # slug → name
    services: dict = field(default_factory=dict)  # slug → name (active language)
    # (town slug, service slug) → live professionals; service "" → any service.
    available: Counter = field(default_factory=Counter)


def supply():
    """Live professionals per town and service, with the names, in three queries
    (the search rows are one flat row per professional)."""
    towns = dict(Town.objects.values_list("slug", "name"))
    categories = {category.pk: category for category in ServiceCategory.objects.all()}
    found = Supply(
        towns=towns, services={category.slug: category.name for category in categories.values()}
    )
    for town, category_ids in ProfessionalListing.objects.filter(is_live=True).values_list(
        "town__slug", "category_ids"
    ):
        if town is None:
            continue
        found.available[(town, "")] += 1
        for category_id in category_ids:
            if category_id in categories:
                found.available[(town, categories[category_id].slug)] += 1
    return found


def known_slugs():
    """(town slugs, service slugs) the directory knows, in two queries."""
    return (
        set(Town.objects.values_list("slug", flat=True)),
        set(ServiceCategory.objects.values_list("slug", flat=True)),
    )


def professional_user_ids(user_ids):
    """The ids among ``user_ids`` of people with a professional page."""
    return set(
        ProfessionalPage.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True)
    )
