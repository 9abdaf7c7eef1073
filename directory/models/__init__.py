"""Models of the professional directory, re-exported for Django."""

from accounts.regions import Region

from .categories import ServiceCategory, SpokenLanguage
from .clients import ClientNote
from .listing import ProfessionalListing
from .offers import Service
from .pages import ProfessionalIndexPage, ProfessionalPage
from .places import Town
from .reviews import Review
from .stats import ContactReveal, WeeklyStats

__all__ = [
    "ClientNote",
    "ContactReveal",
    "ProfessionalIndexPage",
    "ProfessionalListing",
    "ProfessionalPage",
    "Region",
    "Review",
    "Service",
    "ServiceCategory",
    "SpokenLanguage",
    "Town",
    "WeeklyStats",
]
