"""Reads for the home page: its sections, each from real data in a fixed number of queries."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Min, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from certificates.selectors import issued_count
from checkout.models import Subscription
from checkout.subscriptions import plan_price_xaf
from core import cache_tags
from core.public_pages import public
from core.renditions import prefetch_renditions
from course_pages.cards import COURSE_CARD_IMAGES, card_columns
from course_pages.models import CourseCategory, CourseIndexPage, CoursePage
from directory.models import ProfessionalIndexPage, Town
from directory.names import towns as all_towns
from directory.selectors import certified_near, visible_review_count
from directory.services import DIRECTORY_TAG
from enrolment.selectors import completion_count

from .models.news import CARD_IMAGES as NEWS_CARD_IMAGES
from .models.news import latest_news

# The town whose professionals the home page shows, remembered for a year.
TOWN_COOKIE = "bsa_town"
TOWN_COOKIE_MAX_AGE = 365 * 24 * 3600


NEWEST_COURSES = 4
PROOF_KEY = "home:proof"
PROOF_SECONDS = 300
PROFESSIONALS_SHOWN = 4
# "Near" on the home page: the same town or one a short trip away (Douala–Limbé ≈ 60 km).
NEARBY_KM = 100
DEFAULT_TOWN = "douala"
# How long the shared sections are kept at most (their tags' versions make a change
# show at once): as long as a whole cached page.
SECTIONS_SECONDS = 300
DEFAULT_STEPS = [
    (
        gettext_lazy("Choose a course"),
        gettext_lazy("Free or paid, in French or English, from make-up to braids and nails."),
    ),
    (
        gettext_lazy("Learn on your phone"),
        gettext_lazy("Short lessons and light videos, practice work checked by your instructor."),
    ),
    (
        gettext_lazy("Get certified, get clients"),
        gettext_lazy("A certificate any employer can check, and a profile clients book."),
    ),
]


@dataclass(frozen=True)
class TownChoice:
    town: Town | None
    towns: list
    remember: bool = False  # a valid ?town= to keep in the cookie
    error: str = ""


def home_sections(*, request, page):
    """Every section's data, and the versions their shared fragments are kept under
    (templates/pages/home_page.html): `courses_version` changes with any publish below
    this home page (its tag, in any language) or a site-wide change, and
    `professionals_version` with any directory listing or site-wide change."""
    home_tag = cache_tags.page_tag(page)
    versions = cache_tags.current_versions((cache_tags.ALL, home_tag, DIRECTORY_TAG))
    courses_version = f"{versions[cache_tags.ALL]}-{versions[home_tag]}"
    professionals_version = f"{versions[cache_tags.ALL]}-{versions[DIRECTORY_TAG]}"
    town_choice = visitor_town(request)
    return {
        **cache.get_or_set(
            f"home:courses:{page.pk}:{courses_version}",
            lambda: _read_course_sections(page=page),
            SECTIONS_SECONDS,
        ),
        "courses_version": courses_version,
        "town_choice": town_choice,
        "professionals": professionals_near(
            town_choice, locale=page.locale, version=professionals_version
        ),
        "professionals_version": professionals_version,
        "steps": steps(page),
        "proof": proof(),
    }


def _read_course_sections(*, page):
    """The sections the same for every visitor of this home page: its listings' links,
    the categories, featured and newest courses, prices and latest news, with their
    cards' renditions. All are pages below this one or site-wide settings."""
    locale = page.locale
    # By its code, in the queries that need it: no query of its own for the locale.
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    featured = featured_courses(page=page, locale=locale, default_language=default_language)
    sections = {
        **listing_pages(locale=locale),
        "categories": course_categories(locale=locale),
        "featured_courses": featured,
        "newest_courses": newest_courses(locale=locale, exclude=[c.pk for c in featured]),
        "pricing": pricing(default_language=default_language),
        **latest_news(locale=locale, renditions=False),
    }
    # Every card's pictures in one query: courses and articles.
    prefetch_renditions(card_images(sections), (*COURSE_CARD_IMAGES, *NEWS_CARD_IMAGES))
    return sections


def card_images(sections):
    """The pictures of the course and article cards, to read their renditions at once."""
    return [
        course.cover_image
        for course in [*sections["featured_courses"], *sections["newest_courses"]]
    ] + [article.cover_image for article in sections["latest_news"]]


def listing_pages(*, locale):
    """{"catalogue", "directory"}: this language's course catalogue and professional
    directory (plain pages, for their links), in one query."""
    found = {"catalogue": None, "directory": None}
    names = {
        ContentType.objects.get_for_model(CourseIndexPage).pk: "catalogue",
        ContentType.objects.get_for_model(ProfessionalIndexPage).pk: "directory",
    }
    pages = Page.objects.live().filter(locale=locale, content_type_id__in=names).order_by("path")
    for listing in pages:
        name = names[listing.content_type_id]
        found[name] = found[name] or listing
    return found


def _course_cards():
    # Renditions: read for both lists and the articles at once (course_sections).
    return card_columns(public(CoursePage.objects.live())).select_related("cover_image")


def featured_courses(*, page, locale, default_language):
    """The editor's picks in their order, each in this language when live in it, else in
    French; unpublished picks are skipped. The picks are those of the French home page,
    so a translation follows them without waiting for a wagtail-localize sync."""
    if page.locale.language_code != default_language:
        page = (
            type(page)
            .objects.filter(
                translation_key=page.translation_key, locale__language_code=default_language
            )
            .only("featured_courses")
            .first()
            or page
        )
    ids = [block["value"] for block in page.featured_courses.raw_data if block.get("value")]
    if not ids:
        return []
    keys = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    by_key = {}
    in_either_language = Q(locale=locale) | Q(locale__language_code=default_language)
    for course in _course_cards().filter(in_either_language, translation_key__in=keys.values()):
        if course.locale_id == locale.pk or course.translation_key not in by_key:
            by_key[course.translation_key] = course
    ordered_keys = dict.fromkeys(keys[pk] for pk in ids if pk in keys)
    return [by_key[key] for key in ordered_keys if key in by_key]


def newest_courses(*, locale, exclude):
    return list(
        _course_cards()
        .filter(locale=locale)
        .exclude(pk__in=exclude)
        .order_by("-first_published_at", "-pk")[:NEWEST_COURSES]
    )


def course_categories(*, locale):
    """Categories of this language that have live courses, with their number."""
    return list(
        CourseCategory.objects.filter(locale=locale)
        .annotate(course_count=Count("courses", filter=Q(courses__live=True)))
        .filter(course_count__gt=0)
    )


def visitor_town(request):
    """The town asked for (?town=), else the remembered one (cookie), else the
    profile's, else Douala. An unknown ?town= says so and changes nothing."""
    towns = list(all_towns())
    by_slug = {town.slug: town for town in towns}
    asked = request.GET.get("town")
    if asked:
        if asked in by_slug:
            return TownChoice(by_slug[asked], towns, remember=True)
        error = _("We do not know that town: choose one from the list.")
    else:
        error = ""
    town = by_slug.get(request.COOKIES.get(TOWN_COOKIE, "")) or _profile_town(request, towns)
    town = town or by_slug.get(DEFAULT_TOWN) or (towns[0] if towns else None)
    return TownChoice(town, towns, error=error)


def _profile_town(request, towns):
    user = request.user
    written = (getattr(user, "town", "") or "").strip().casefold() if user.is_authenticated else ""
    return next((t for t in towns if written in (t.name.casefold(), t.slug)), None)


def professionals_near(choice, *, locale, version):
    """The cards of the certified professionals near the chosen town, with their
    photos' renditions, kept under `version` (home_sections)."""
    if choice.town is None:
        return []
    return cache.get_or_set(
        f"home:professionals:{choice.town.pk}:{locale.pk}:{version}",
        lambda: certified_near(
            town=choice.town,
            towns=choice.towns,
            locale=locale,
            within_km=NEARBY_KM,
            limit=PROFESSIONALS_SHOWN,
        ),
        SECTIONS_SECONDS,
    )


def steps(page):
    """The editor's steps, else the site's own three (translated by the catalogue)."""
    if page.how_it_works:
        return [(block.value["title"], block.value["text"]) for block in page.how_it_works]
    return DEFAULT_STEPS


def pricing(*, default_language):
    """Price facts from the live courses (prices are the same in every language)."""
    facts = (
        CoursePage.objects.live()
        .filter(locale__language_code=default_language)
        .aggregate(
            free=Count("pk", filter=Q(price_xaf=0)),
            cheapest_paid=Min("price_xaf", filter=Q(price_xaf__gt=0)),
            in_subscription=Count("pk", filter=Q(included_in_subscription=True)),
        )
    )
    return {
        **facts,
        "monthly_xaf": plan_price_xaf(Subscription.Plan.MONTHLY),
        "annual_xaf": plan_price_xaf(Subscription.Plan.ANNUAL),
    }


def proof():
    """Completions, certificates and reviews so far, counted at most every
    PROOF_SECONDS: round figures of the whole site, else three counts of big tables on
    every view."""
    counts = cache.get(PROOF_KEY)
    if counts is None:
        counts = {
            "completions": completion_count(),
            "certificates": issued_count(),
            "reviews": visible_review_count(),
        }
        cache.set(PROOF_KEY, counts, PROOF_SECONDS)
    return counts if any(counts.values()) else None
