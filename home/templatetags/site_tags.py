"""Site chrome: navigation, footer and the language switcher."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from core.page_routes import translation_urls
from home.site_chrome import SIGNED_IN_FOOTERS, chrome_for

register = template.Library()


def _signed_in(request):
    # Pages answered before the authentication middleware ran (an error) have no user.
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The menu as this kind of reader sees it, kept rendered with the chrome."""
    request = context["request"]
    if context.get("shared_page", False):
        kind = "shared_page"
    else:
        kind = "signed_in" if _signed_in(request) else "anonymous"
    return mark_safe(chrome_for(request, get_language())["menu_html"][kind])  # noqa: S308  (our template's output)


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer: kept rendered with the chrome for signed-in readers; drawn for the
    others, whose data-saver form carries the page's address."""
    request = context["request"]
    chrome = chrome_for(request, get_language())
    data_saver = bool(context.get("data_saver", False))
    if _signed_in(request):
        return mark_safe(chrome["footer_html"][SIGNED_IN_FOOTERS[data_saver]])  # noqa: S308  (our template's output)
    return render_to_string(
        "components/footer.html",
        {**chrome, "signed_in": False, "data_saver": data_saver, "request": request},
    )


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
        translations = translation_urls(request, page)
    alternates = []
    for code, _name in settings.LANGUAGES:
        name = get_language_info(code)["name_local"]
        same_page = True
        if isinstance(page, Page) and page.pk:
            same_page = code in translations
            url = translations[code] if same_page else chrome_for(request, code)["homes"].get(code)
            url = url or f"/{code}/"
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
