"""The ten regions of Cameroon, used by profiles, the directory and booking."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    ADAMAWA = "AD", _("Adamawa")
    CENTRE = "CE", _("Centre")
    EAST = "ES", _("East")
    FAR_NORTH = "EN", _("Far North")
    LITTORAL = "LT", _("Littoral")
    NORTH = "NO", _("North")
    NORTH_WEST = "NW", _("North-West")
    WEST = "OU", _("West")
    SOUTH = "SU", _("South")
    SOUTH_WEST = "SW", _("South-West")
