"""What a professional's public page shows: services, reviews, badges, contact,
opening hours and where she works."""

from certificates.services import certificates_tag

from . import extensions, page_cache_hits
from .selectors import (
    active_services,
    badges_of,
    canonical,
    certificates_of,
    contact_visible,
    visible_reviews,
)

REVIEWS_SHOWN = 20


def cache_declaration(page):
    """For page_cache.shows_pages: besides the page itself, her badges and her opening
    hours (services, reviews and rating reach the page's own tag); a view served from
    the cache still counts in her statistics."""
    professional_id = canonical(page).pk
    return {
        "tags": [certificates_tag(page.user_id), extensions.schedule_tag(professional_id)],
        "hit": (page_cache_hits.PROFILE, professional_id),
    }


def profile_context(request, *, page):
    professional = canonical(page)
    reviews = visible_reviews(professional)
    return {
        "professional": professional,
        "services": active_services(professional),
        "reviews": reviews[:REVIEWS_SHOWN],
        "certificates": certificates_of(professional.user),
        "badges": badges_of(professional.user),
        "contact_visible": contact_visible(request=request, professional=professional),
        "is_owner": request.user.is_authenticated and request.user.pk == professional.user_id,
        "opening_week": extensions.opening_week(professional),
        # A translation may leave the neighbourhood empty: the French page's is the truth.
        "neighbourhood": page.neighbourhood or professional.neighbourhood,
    }
