"""Reads about professionals. State is keyed on the default-locale ProfessionalPage."""

import datetime

from django.db.models import Case, FloatField, Value, When
from django.utils import timezone
from wagtail.models import Locale

from certificates.badges.selectors import valid_badges_for
from certificates.selectors import valid_certificates_for
from core.page_locales import canonical

from . import extensions
from .cards import cards_for
from .models import ProfessionalListing, ProfessionalPage, Review, WeeklyStats

STATS_WEEKS_SHOWN = 8
REVEALED_CONTACTS_KEY = "directory_revealed_contacts"


def professional_of(user, *, locale=None):
    """The person's own profile (default locale unless asked), live or still a draft."""
    if not user.is_authenticated:
        return None
    locale = locale or Locale.get_default()
    # With its locale loaded, canonical() knows the page is the default one for free.
    return (
        ProfessionalPage.objects.filter(user=user, locale=locale).select_related("locale").first()
    )


def english_version(professional):
    """The English page of a professional (live or draft), or None."""
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return None
    translation = canonical(professional).get_translation_or_none(english)
    return translation.specific if translation else None


def certificates_of(user):
    """Valid academy certificates of a person. The directory shows certificates (the
    profile badge, the "certified only" filter); certificates never import the directory."""
    return list(valid_certificates_for(user=user))


def badges_of(user):
    """Valid academy badges of a person, shown next to her certificates."""
    return list(valid_badges_for(user=user))


def contact_visible(*, request, professional):
    """The phone shows to its owner, moderators, after a tap (logged) or a booking."""
    page = canonical(professional)
    user = request.user
    if user.is_authenticated and (user.pk == page.user_id or user.is_moderator):
        return True
    if page.pk in request.session.get(REVEALED_CONTACTS_KEY, []):
        return True
    return extensions.contact_unlocked(client=user, professional=page)


def active_services(professional):
    """The services a professional offers now, with their categories."""
    return canonical(professional).services.filter(is_active=True).select_related("category")


def visible_reviews(professional):
    return (
        Review.objects.filter(professional=canonical(professional), is_hidden=False)
        .select_related("author")
        .order_by("-created_at", "-pk")
    )


def week_start(day=None):
    """Monday of the week holding `day` (today in Africa/Douala by default)."""
    day = day or timezone.localdate()
    return day - datetime.timedelta(days=day.weekday())


def weekly_stats(professional, *, weeks=STATS_WEEKS_SHOWN):
    """The last `weeks` weeks, newest first, with zeros for weeks without a row."""
    current = week_start()
    starts = [current - datetime.timedelta(weeks=n) for n in range(weeks)]
    rows = {
        row.week_start: row
        for row in WeeklyStats.objects.filter(
            professional=canonical(professional), week_start__in=starts
        )
    }
    return [
        {
            "week_start": start,
            "profile_views": rows[start].profile_views if start in rows else 0,
            "search_appearances": rows[start].search_appearances if start in rows else 0,
        }
        for start in starts
    ]


def visible_review_count():
    """How many client reviews the directory shows (home page proof)."""
    return Review.objects.filter(is_hidden=False).count()


def certified_near(*, town, towns, locale, within_km, limit, renditions=True):
    """Cards of live certified professionals based at most `within_km` from `town`,
    nearest then best rated first. `towns` is every Town (the caller already has them):
    distances come from it, so the query count stays fixed."""
    # The near towns are chosen here, not in SQL: a CASE over every town, repeated in
    # the filter and the order, cost more to build than the whole rest of the home page.
    near = {other.pk: town.distance_km(other) for other in towns}
    near = {pk: km for pk, km in near.items() if km <= within_km}
    if not near:
        return []
    distance = Case(
        *[When(town_id=pk, then=Value(km)) for pk, km in near.items()],
        output_field=FloatField(),
    )
    rows = list(
        ProfessionalListing.objects.filter(is_live=True, is_certified=True, town_id__in=near)
        .annotate(distance=distance)
        .order_by("distance", "-rating_average", "-rating_count", "pk")
        .select_related("town")
        .defer("document", "search_vector")[:limit]
    )
    return cards_for(rows, locale=locale, renditions=renditions)


def default_locale_page_id(page_id):
    """The default-locale ProfessionalPage id for a page of hers in any language, or None."""
    page = ProfessionalPage.objects.filter(pk=page_id).first() if str(page_id).isdigit() else None
    return canonical(page).pk if page is not None else None
