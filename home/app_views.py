"""The installable app: the web app manifest and the offline start page, one of each per
language. Both are the same for everybody, so shared caches and the service worker may
keep them."""

from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

# The colours of static/css/site.css (--brand, --bg).
THEME_COLOUR = "#8a1c4a"
BACKGROUND_COLOUR = "#ffffff"
ICONS = [
    ("img/icons/icon-192.png", "192x192", "any"),
    ("img/icons/icon-512.png", "512x512", "any"),
    ("img/icons/maskable-192.png", "192x192", "maskable"),
    ("img/icons/maskable-512.png", "512x512", "maskable"),
]
# Browsers fetch the manifest again on their own schedule; a day is plenty.
MANIFEST_MAX_AGE = 24 * 60 * 60
OFFLINE_PAGE_MAX_AGE = 60 * 60


@require_GET
def manifest(request):
    language = get_language()
    body = {
        "id": "/",
        "name": _("Beauty Skills Academy: beauty courses"),
        "short_name": _("Beauty Skills"),
        "description": _(
            "Learn make-up, hair and nail trades on your phone, and find a professional."
        ),
        "lang": language,
        "dir": "ltr",
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static(path), "sizes": sizes, "type": "image/png", "purpose": purpose}
            for path, sizes, purpose in ICONS
        ],
    }
    response = JsonResponse(body, content_type="application/manifest+json")
    patch_cache_control(response, public=True, max_age=MANIFEST_MAX_AGE)
    return response


@require_GET
def offline(request):
    """The page the service worker shows for a page it has no copy of. Rendered as for
    a visitor, whoever asks: the worker keeps one copy for everybody on the phone."""
    request.user = AnonymousUser()
    response = render(request, "home/offline.html", {"shared_page": True})
    patch_cache_control(response, public=True, max_age=OFFLINE_PAGE_MAX_AGE)
    return response


@require_GET
def saved_offline(request):
    """The lessons kept on this phone, drawn by static/js/offline.js from the phone's own
    storage: the page itself holds nothing personal, so it is the same for everybody and
    the service worker keeps it to open offline. Its menu offers no login either: she
    is most likely signed in, and offline a login page could not open anyway."""
    request.user = AnonymousUser()
    response = render(request, "home/offline_saved.html", {"shared_page": True})
    patch_cache_control(response, public=True, max_age=OFFLINE_PAGE_MAX_AGE)
    return response
