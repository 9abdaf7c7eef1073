"""Where professionals work: the ten regions and a managed list of towns."""

import math

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from accounts.regions import Region

EARTH_RADIUS_KM = 6371


@register_snippet
class Town(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    region = models.CharField(_("region"), max_length=2, choices=Region)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("region"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
    ]

    class Meta:
        verbose_name = _("town")
        verbose_name_plural = _("towns")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def distance_km(self, other):
        """Great-circle distance: good enough to sort by "nearest town"."""
        lat1, lon1, lat2, lon2 = map(
            math.radians,
            [
                float(self.latitude),
                float(self.longitude),
                float(other.latitude),
                float(other.longitude),
            ],
        )
        hav = (
            math.sin((lat2 - lat1) / 2) ** 2
            + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
        )
        return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(hav))
