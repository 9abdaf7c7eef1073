"""What a professional's public page shows: services, reviews, badges, contact,
opening hours and where she works."""

from certificates.services import certificates_tag

from . import extensions
from .selectors import (
    canonical,
    certificates_of,
    contact_visible,
    visible_reviews,
)

REVIEWS_SHOWN = 20


def cache_tags_of_profile(page):
    """Besides the page itself: her badges and her opening hours (the services, reviews
    and rating reach the page's own tag)."""
    professional_id = canonical(page).pk
    return [certificates_tag(page.user_id), extensions.schedule_tag(professional_id)]


def profile_context(request, *, page):
    professional = canonical(page)
    reviews = visible_reviews(professional)
    return {
        "professional": professional,
        "services": professional.services.filter(is_active=True).select_related("category"),
        "reviews": reviews[:REVIEWS_SHOWN],
        "certificates": certificates_of(professional.user),
        "contact_visible": contact_visible(request=request, professional=professional),
        "is_owner": request.user.is_authenticated and request.user.pk == professional.user_id,
        "opening_week": extensions.opening_week(professional),
        # A translation may leave the neighbourhood empty: the French page's is the truth.
        "neighbourhood": page.neighbourhood or professional.neighbourhood,
    }
