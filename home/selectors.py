"""Reads for the home page: its sections, each from real data in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page

from certificates.selectors import issued_count
from checkout.models import Subscription
from checkout.subscriptions import plan_price_xaf
from core.public_pages import public
from course_pages.cards import card_columns, with_card_images
from course_pages.models import CourseCategory, CourseIndexPage, CoursePage
from directory.models import ProfessionalIndexPage, Town
from directory.selectors import certified_near, visible_review_count
from enrolment.selectors import completion_count

# The town whose professionals the home page shows, remembered for a year.
TOWN_COOKIE = "bsa_town"
TOWN_COOKIE_MAX_AGE = 365 * 24 * 3600


NEWEST_COURSES = 4
PROFESSIONALS_SHOWN = 4
# "Near" on the home page: the same town or one a short trip away (Douala–Limbé ≈ 60 km).
NEARBY_KM = 100
DEFAULT_TOWN = "douala"
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
    locale = page.locale
    default_locale = Locale.get_default()
    featured = featured_courses(page=page, locale=locale, default_locale=default_locale)
    town_choice = visitor_town(request)
    return {
        "catalogue": CourseIndexPage.objects.live().filter(locale=locale).first(),
        "directory": ProfessionalIndexPage.objects.live().filter(locale=locale).first(),
        "categories": course_categories(locale=locale),
        "featured_courses": featured,
        "newest_courses": newest_courses(locale=locale, exclude=[c.pk for c in featured]),
        "town_choice": town_choice,
        "professionals": professionals_near(town_choice, locale=locale),
        "steps": steps(page),
        "pricing": pricing(default_locale=default_locale),
        "proof": proof(),
    }


def _course_cards():
    return with_card_images(card_columns(public(CoursePage.objects.live())))


def featured_courses(*, page, locale, default_locale):
    """The editor's picks in their order, each in this language when live in it, else in
    French; unpublished picks are skipped. The picks are those of the French home page,
    so a translation follows them without waiting for a wagtail-localize sync."""
    if page.locale_id != default_locale.pk:
        page = (
            type(page)
            .objects.filter(translation_key=page.translation_key, locale=default_locale)
            .only("featured_courses")
            .first()
            or page
        )
    ids = [block["value"] for block in page.featured_courses.raw_data if block.get("value")]
    if not ids:
        return []
    keys = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    by_key = {}
    for course in _course_cards().filter(
        translation_key__in=keys.values(), locale__in={locale.pk, default_locale.pk}
    ):
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
    towns = list(Town.objects.all())
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


def professionals_near(choice, *, locale):
    if choice.town is None:
        return []
    return certified_near(
        town=choice.town,
        towns=choice.towns,
        locale=locale,
        within_km=NEARBY_KM,
        limit=PROFESSIONALS_SHOWN,
    )


def steps(page):
    """The editor's steps, else the site's own three (translated by the catalogue)."""
    if page.how_it_works:
        return [(block.value["title"], block.value["text"]) for block in page.how_it_works]
    return DEFAULT_STEPS


def pricing(*, default_locale):
    """Price facts from the live courses (prices are the same in every language)."""
    facts = (
        CoursePage.objects.live()
        .filter(locale=default_locale)
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
    counts = {
        "completions": completion_count(),
        "certificates": issued_count(),
        "reviews": visible_review_count(),
    }
    return counts if any(counts.values()) else None
