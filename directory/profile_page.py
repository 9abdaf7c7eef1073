"""What a professional's public page shows: services, reviews, badges, contact,
opening hours and where she works."""

from django.apps import apps

from .selectors import (
    canonical,
    certificates_of,
    contact_visible,
    visible_reviews,
)

REVIEWS_SHOWN = 20


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
        "opening_week": _opening_week(professional),
        # A translation may leave the neighbourhood empty: the French page's is the truth.
        "neighbourhood": page.neighbourhood or professional.neighbourhood,
    }


def _opening_week(professional):
    """The booking app's opening hours, when it is installed (directory works alone)."""
    if not apps.is_installed("booking"):
        return []
    from booking.selectors import opening_week

    return opening_week(professional.pk)
