"""Price guidance: how a professional's prices compare with the same kind of service
(its category) in her town. Figures are shown only where at least MIN_PROFESSIONALS
distinct professionals (her included) offer it, so no single competitor's price can be
read from them; each professional counts once, at her lowest price in the category."""

import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Min

from core.page_locales import canonical

from .models import Service

MIN_PROFESSIONALS = 5


@dataclass(frozen=True)
class Guidance:
    service: Service
    professionals: int
    low_quartile_xaf: int | None = None
    median_xaf: int | None = None
    high_quartile_xaf: int | None = None

    @property
    def enough_data(self):
        return self.median_xaf is not None


def _figures(prices):
    if len(prices) < MIN_PROFESSIONALS:
        return {}
    low, median, high = statistics.quantiles(prices, n=4, method="inclusive")
    return {
        "low_quartile_xaf": round(low),
        "median_xaf": round(median),
        "high_quartile_xaf": round(high),
    }


def price_guidance(professional):
    """One Guidance per active service of hers (two queries)."""
    page = canonical(professional)
    services = list(page.services.filter(is_active=True).select_related("category"))
    categories = {service.category_id for service in services}
    prices = defaultdict(list)
    if page.town_id and categories:
        rows = (
            Service.objects.filter(
                is_active=True,
                category_id__in=categories,
                professional__town_id=page.town_id,
                professional__live=True,
                professional__locale_id=page.locale_id,
            )
            .values("category_id", "professional_id")
            .annotate(lowest=Min("price_xaf"))
            .order_by()
        )
        for row in rows:
            prices[row["category_id"]].append(row["lowest"])
    return [
        Guidance(
            service=service,
            professionals=len(prices[service.category_id]),
            **_figures(prices[service.category_id]),
        )
        for service in services
    ]
