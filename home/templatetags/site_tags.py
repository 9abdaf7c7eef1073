"""Site chrome: navigation, footer and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from home.models import FooterContent

register = template.Library()


def _locale_home(request, language_code):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if root.locale.language_code == language_code:
        return root
    return root.get_translation_or_none(Locale.objects.filter(language_code=language_code).first())


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]

    # Called by the template only when its cached fragment is missing (a callable).
    def items():
        home = _locale_home(request, get_language())
        return list(home.get_children().live().in_menu().specific()) if home else []

    return {"items": items, "request": request}


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    # Called by the template only when its cached fragment is missing (a callable).
    def footer():
        return FooterContent.objects.filter(locale__language_code=get_language()).first()

    return {
        "footer": footer,
        "request": context["request"],
        "settings": context.get("settings"),
        "data_saver": context.get("data_saver", False),
    }


def language_alternates(context):
    """[(code, name, url)] for every language: the same page in that language,
    or that language's home page when the page is not translated yet."""
    request = context["request"]
    page = context.get("page")
    memo_key = (getattr(page, "pk", None), request.get_full_path(), get_language())
    memo = getattr(request, "_language_alternates", None)
    if memo and memo[0] == memo_key:
        return memo[1]
    translations = {}
    if isinstance(page, Page) and page.pk:
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other
    alternates = []
    for code, _name in settings.LANGUAGES:
        name = get_language_info(code)["name_local"]
        same_page = True
        if isinstance(page, Page) and page.pk:
            same_page = code in translations
            target = translations.get(code) or _locale_home(request, code)
            url = target.get_url(request) if target else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == get_language(),
                "same_page": same_page,
            }
        )
    request._language_alternates = (memo_key, alternates)
    return alternates


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """The alternates, keeping the search and filters of a page (?q=…&level=…) when it
    exists in the other language; hreflang links stay without them."""
    query = context["request"].GET.urlencode()
    alternates = language_alternates(context)
    if query:
        alternates = [
            dict(a, url=f"{a['url']}?{query}") if a["same_page"] and "?" not in a["url"] else a
            for a in alternates
        ]
    return {"alternates": alternates}


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context):
    request = context["request"]
    return {
        "alternates": [
            dict(a, absolute=request.build_absolute_uri(a["url"]))
            for a in language_alternates(context)
        ]
    }


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's own address, absolute on the host it was asked on (as hreflang_links)."""
    request = context["request"]
    return request.build_absolute_uri(page.get_url(request))
