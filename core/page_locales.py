"""A page in another language. State (enrolments, orders, reviews…) points at the
default-locale page; readers see the page in their own language when it exists."""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from . import cache_tags

# A day: the all-pages version makes a change show at once; this bounds the memory.
LOCALES_TIMEOUT = 24 * 3600
# What a page's link (`{% pageurl %}`) and its place in the tree read.
PAGE_LINK_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "live",
    "locale_id",
    "translation_key",
    "content_type_id",
)


def canonical(page):
    """The default-locale version of a page (the one state points at), or the page
    itself when it has no default-locale version."""
    if _known_default_locale(page):
        return page
    default = default_locale()
    if page.locale_id == default.pk:
        return page
    return (
        type(page).objects.filter(translation_key=page.translation_key, locale=default).first()
        or page
    )


def _known_default_locale(page):
    """The page's locale, when it was loaded with the page (a remembered route loads it:
    core/page_routes.py), says whether it is the default one without a query."""
    locale = page._state.fields_cache.get("locale")
    return locale is not None and locale.language_code == get_supported_content_language_variant(
        settings.LANGUAGE_CODE
    )


def localize_pages(pages, locale):
    """Return each page's live translation in `locale`, or the page itself, in one query."""
    pages = [page for page in pages if page is not None]
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    if not keys:
        return pages
    translated = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in=keys, locale=locale)
        .select_related("locale")
    }
    return [translated.get(page.translation_key, page) for page in pages]


def localized_by_pk(pks, locale):
    """{pk: the page of that id, or its live translation in `locale`}, in one query:
    localize_pages for default-locale pages known only by their ids."""
    pks = list(dict.fromkeys(pks))
    if not pks:
        return {}
    wanted = Q(pk__in=pks)
    if locale.language_code != get_supported_content_language_variant(settings.LANGUAGE_CODE):
        wanted |= Q(
            live=True,
            locale=locale,
            translation_key__in=Page.objects.filter(pk__in=pks).values("translation_key"),
        )
    pages = list(Page.objects.filter(wanted).only(*PAGE_LINK_FIELDS))
    by_pk = {page.pk: page for page in pages}
    translated = {page.translation_key: page for page in pages if page.locale_id == locale.pk}
    return {pk: translated.get(by_pk[pk].translation_key, by_pk[pk]) for pk in pks if pk in by_pk}


def _site_locales():
    """{language code: Locale} of the site, kept in the cache under the all-pages tag's
    version, which a locale change bumps (home/page_cache_links.py): Wagtail's
    Locale.get_active() and get_default() cost a query at each call, four on My learning."""
    return cache_tags.kept_until_stale(
        cache_tags.ALL,
        "site-locales",
        lambda: {locale.language_code: locale for locale in Locale.objects.all()},
        LOCALES_TIMEOUT,
    )


def default_locale():
    """Locale.get_default(), from the cache."""
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return _site_locales().get(code) or Locale.get_default()


def active_locale():
    """Locale.get_active(), from the cache: the active language's, else the default."""
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return default_locale()
    return _site_locales().get(code) or default_locale()
