"""The site chrome (menu, footer, contact details, each language's home) as plain data,
read once per site and language and kept in the cache until the content it shows changes.

Every page draws the same chrome: reading it from the database each time cost about
twelve queries a page (one per page type in the menu). Its key holds the version of the
page cache's all-pages tag (core.cache_tags), which home/page_cache_links.py bumps when
anything the chrome shows changes: one owner of "the chrome changed", for this data and
for the whole pages that show it."""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale

from core import cache_tags, page_routes
from home.models import ContactSettings, FooterContent

# What an entry holds: a new number when that changes, so a deploy reads no old entry.
FORMAT = 2
# A day: the all-pages tag's version makes changes show at once; this bounds the memory.
TIMEOUT = 24 * 3600


# The menu as each kind of reader sees it (components/main_menu.html), and the footer as
# a signed-in reader sees it with the data saver off and on: the same HTML for everyone
# of a kind, kept rendered in the chrome. Anonymous readers' footer holds the page's own
# address (its data-saver form): drawn for each page.
MENU_KINDS = ("anonymous", "signed_in", "shared_page")
SIGNED_IN_FOOTERS = {False: "signed_in", True: "signed_in_data_saver"}


def chrome_for(request, language_code):
    """{"home_url", "menu": [{"title", "url"}], "footer": {...} | None, "contact": {...},
    "homes": {code: url}, "menu_html": {kind: HTML}, "footer_html": {kind: HTML}} for
    the site this request is on."""
    site = page_routes.site_for(request)
    version = cache_tags.current_versions([cache_tags.ALL])[cache_tags.ALL]
    key = f"site-chrome:{FORMAT}:{version}:{site.pk if site else 0}:{language_code}"
    memo = getattr(request, "_site_chrome", {})
    if key in memo:
        return memo[key]
    chrome = cache.get(key)
    if chrome is None:
        chrome = _read_chrome(request, site, language_code)
        cache.set(key, chrome, TIMEOUT)
    memo[key] = chrome
    request._site_chrome = memo
    return chrome


def _locale_homes(site):
    """{language code: the site's home page in that language}."""
    if site is None:
        return {}
    root = site.root_page
    return {
        page.locale.language_code: page
        for page in root.get_translations(inclusive=True).select_related("locale")
    }


def _read_chrome(request, site, language_code):
    homes = _locale_homes(site)
    home = homes.get(language_code)
    menu = []
    if home is not None:
        menu = [
            {"title": item.title, "url": item.get_url(request)}
            for item in home.get_children().live().in_menu()
        ]
    footer = None
    locale = Locale.objects.filter(language_code=language_code).first()
    content = FooterContent.objects.filter(locale=locale).first() if locale else None
    if content is not None:
        footer = {
            "tagline": content.tagline,
            "links": [
                {
                    "label": link.value["label"] or link.value["page"].title,
                    "url": link.value["page"].get_url(request),
                }
                for link in content.links
                if link.value["page"] is not None
            ],
        }
    contact = ContactSettings.load(request_or_site=request)
    chrome = {
        "home_url": home.get_url(request) if home else None,
        "menu": menu,
        "footer": footer,
        "contact": {"email": contact.email, "whatsapp": contact.whatsapp},
        "homes": {code: page.get_url(request) for code, page in homes.items()},
    }
    with translation.override(language_code):
        chrome["menu_html"] = {
            kind: render_to_string("components/main_menu.html", {"items": menu, "kind": kind})
            for kind in MENU_KINDS
        }
        chrome["footer_html"] = {
            kind: render_to_string(
                "components/footer.html",
                {**chrome, "signed_in": True, "data_saver": data_saver},
            )
            for data_saver, kind in SIGNED_IN_FOOTERS.items()
        }
    return chrome
