"""The site's one service worker, static/js/sw.js, served at /sw.js so its scope is the
whole site. The file is written once; what it needs to know of this deployment (the
offline page and the saved-lessons page of each language, the core static files under
their hashed names, the private prefixes) is put in front of it as ``self.BSA_OFFLINE``, and the cache version
is a hash of the whole, so a deploy that changes any of them replaces the old caches."""

import functools
import hashlib
import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_GET

SERVICE_WORKER = "js/sw.js"
# Fetched when the worker installs, so the offline page looks right with no network.
PRECACHED_STATIC = [
    "css/site.css",
    "js/app.js",
    "img/favicon.svg",
    # What a lesson saved for offline needs to work: its player, offline script and styles.
    "js/player.js",
    "js/offline.js",
    "css/offline.css",
]
# Never stored by the worker, whatever their answers say.
PRIVATE_PREFIXES = ["/admin/", "/lesson-media/", "/documents/", "/notifications/"]
PRIVATE_LANGUAGE_PREFIXES = [
    "accounts/",
    "account/",
    "checkout/",
    "subscription/",
    "teach/",
    "learn/",
    "messages/",
    "notifications/",
    "bookings/",
]


@require_GET
def service_worker(request):
    """A worker's scope is at most its own folder unless the server allows more.
    Browsers check for a new worker at most daily whatever the cache says; no-cache
    makes each check ask for the current one, and the ETag lets an unchanged worker
    answer 304 in a few hundred bytes instead of 15 KB on each page a phone opens."""
    source = _worker_source()
    response = HttpResponse(source, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # Public: the same file for everyone, so no session is loaded (no Vary: Cookie).
    response["Cache-Control"] = "public, no-cache"
    etag = '"' + hashlib.sha256(source).hexdigest()[:16] + '"'
    response["ETag"] = etag
    # The 304 keeps the Cache-Control above, so it too stays clear of the session.
    return get_conditional_response(request, etag=etag, response=response)


def _worker_source():
    if settings.DEBUG:
        return _build_worker()
    return _cached_worker()


@functools.cache
def _cached_worker():
    return _build_worker()


def _build_worker():
    path = finders.find(SERVICE_WORKER)
    if not path:
        raise Http404
    with open(path, "rb") as source:
        script = source.read()
    config = offline_config()
    config["version"] = hashlib.sha256(
        json.dumps(config, sort_keys=True).encode() + script
    ).hexdigest()[:12]
    return b"self.BSA_OFFLINE = " + json.dumps(config).encode() + b";\n" + script


def offline_config():
    languages = [code for code, _name in settings.LANGUAGES]
    offline, saved = {}, []
    for code in languages:
        with translation.override(code):
            offline[code] = reverse("offline")
            # The list of saved lessons is drawn by the phone: it must open offline too.
            saved.append(reverse("saved_offline"))
    return {
        "offline": offline,
        "precache": [static(path) for path in PRECACHED_STATIC] + saved,
        "staticUrl": settings.STATIC_URL,
        "privatePrefixes": PRIVATE_PREFIXES
        + [f"/{code}/{part}" for code in languages for part in PRIVATE_LANGUAGE_PREFIXES],
    }
