"""Reads about professionals. State is keyed on the default-locale ProfessionalPage."""

import datetime
import importlib

from django.apps import apps
from django.utils import timezone
from wagtail.models import Locale

from .models import ProfessionalPage, Review, WeeklyStats

STATS_WEEKS_SHOWN = 8


def canonical_professional(page):
    """The default-locale version of a professional page (the one state points at)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return (
        ProfessionalPage.objects.filter(
            translation_key=page.translation_key, locale=default
        ).first()
        or page
    )


def professional_of(user, *, locale=None):
    """The person's own profile (default locale unless asked), live or still a draft."""
    if not user.is_authenticated:
        return None
    locale = locale or Locale.get_default()
    return ProfessionalPage.objects.filter(user=user, locale=locale).first()


def certificates_of(user):
    """Valid academy certificates of a person, or [] while the certificates app is absent."""
    if not apps.is_installed("certificates"):
        return []
    try:
        certificate_selectors = importlib.import_module("certificates.selectors")
    except ImportError:
        return []
    finder = getattr(certificate_selectors, "valid_certificates_for", None)
    return list(finder(user=user)) if finder else []


def visible_reviews(professional):
    return (
        Review.objects.filter(professional=canonical_professional(professional), is_hidden=False)
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
            professional=canonical_professional(professional), week_start__in=starts
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
