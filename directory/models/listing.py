"""The search table: one flat row per professional, so a search is one indexed query.

Rows are written only by ``directory.services.sync_listing`` (on publish, unpublish,
service and rating changes); the pages stay the source of truth."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.regions import Region
from directory.fields import IdSetField


class ProfessionalListing(models.Model):
    professional = models.OneToOneField(
        "directory.ProfessionalPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="listing",
    )
    translation_key = models.UUIDField(db_index=True)
    is_live = models.BooleanField(default=False)
    title = models.CharField(max_length=255)
    town = models.ForeignKey(
        "directory.Town", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    region = models.CharField(max_length=2, choices=Region, blank=True)
    travels_to_clients = models.BooleanField(default=False)
    travel_radius_km = models.PositiveSmallIntegerField(default=0)
    min_price_xaf = models.PositiveIntegerField(null=True)
    max_price_xaf = models.PositiveIntegerField(null=True)
    rating_average = models.DecimalField(max_digits=3, decimal_places=2, default=0)
    rating_count = models.PositiveIntegerField(default=0)
    is_certified = models.BooleanField(default=False)
    # "|fr|en|": one LIKE instead of a join per language filter.
    language_codes = models.CharField(max_length=100, blank=True)
    # Categories of the active services and specialities: a filter without a join
    # (GIN-indexed on PostgreSQL, see migrations).
    category_ids = IdSetField()
    # Names, services and bios in both languages: the text that `q` searches.
    document = models.TextField(blank=True)
    # Filled from `document` on PostgreSQL only (GIN-indexed, see migrations).
    search_vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("directory search entry")
        indexes = [
            models.Index(fields=["is_live", "town", "rating_average"]),
            models.Index(fields=["is_live", "rating_average", "rating_count"]),
            models.Index(fields=["is_live", "min_price_xaf"]),
            # "Certified only" sorted by rating: the first page read straight off the index.
            models.Index(
                F("rating_average").desc(),
                F("rating_count").desc(),
                "professional",
                name="listing_certified_by_rating",
                condition=Q(is_live=True, is_certified=True),
            ),
            models.Index(
                F("rating_average").desc(),
                F("rating_count").desc(),
                "professional",
                name="listing_live_by_rating",
                condition=Q(is_live=True),
            ),
        ]

    def __str__(self):
        return self.title
