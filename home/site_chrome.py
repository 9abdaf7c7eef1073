"""The site chrome (menu, footer, contact details, each language's home) as plain data,
read once per site and language and kept in the cache until the content it shows changes.

Every page draws the same chrome: reading it from the database each time cost about
twelve queries a page (one per page type in the menu). The whole chrome is dropped at
once — a new generation number — when a page is saved, published, unpublished, moved or
deleted, or the footer or contact details change: rare events next to page views, and
nothing finer is worth tracking for a few rows."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import ContactSettings, FooterContent

GENERATION_KEY = "site-chrome:generation"
# A day: the generation number makes changes show at once; this only bounds the memory.
TIMEOUT = 24 * 3600


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, None)
    return generation


def forget_chrome(**kwargs):
    """Signal receiver: the next request reads the chrome from the database again."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def chrome_for(request, language_code):
    """{"home_url", "menu": [{"title", "url"}], "footer": {...} | None, "contact": {...},
    "homes": {code: url}} for the site this request is on."""
    site = Site.find_for_request(request)
    key = f"site-chrome:{_generation()}:{site.pk if site else 0}:{language_code}"
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
    return {
        "home_url": home.get_url(request) if home else None,
        "menu": menu,
        "footer": footer,
        "contact": {"email": contact.email, "whatsapp": contact.whatsapp},
        "homes": {code: page.get_url(request) for code, page in homes.items()},
    }


def connect_signals():
    page_published.connect(forget_chrome, dispatch_uid="site-chrome-published")
    page_unpublished.connect(forget_chrome, dispatch_uid="site-chrome-unpublished")
    post_page_move.connect(forget_chrome, dispatch_uid="site-chrome-moved")
    # Without a sender: each page type sends its own signals.
    post_save.connect(_forget_on_change, dispatch_uid="site-chrome-saved")
    # Deletes by sender only: a delete receiver for every model would stop Django
    # deleting any row without reading it first (fast deletes).
    for model in {Page, *get_page_models(), FooterContent, ContactSettings, Site, Locale}:
        post_delete.connect(
            _forget_on_change, sender=model, dispatch_uid=f"site-chrome-deleted.{model._meta.label}"
        )


def _forget_on_change(sender, instance, **kwargs):
    if isinstance(instance, Page | FooterContent | ContactSettings | Site | Locale):
        forget_chrome()
