"""Public pages kept whole for anonymous visitors, served without the database.

A page opts in from its view or ``get_context`` with ``shows(request, *tags,
reads=(...))``: the tags say what it shows (core.cache_tags) and ``reads`` which query
parameters change it. Only such pages, answered 200 without a cookie to an anonymous
GET, are stored; a changed tag version makes the entry a miss (precise invalidation),
PAGE_CACHE_SECONDS bounds its life anyway, PAGE_CACHE_MAX_ENTRIES its number.

Every public page also gets HTTP caching: ``Cache-Control: public, max-age=0,
s-maxage=PAGE_CACHE_SHARED_SECONDS`` (the browser revalidates each time, a shared cache
keeps it that long) and an ETag of its body, so a repeat view answers 304 with no body.
See README "Performance → Page cache"."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags

from . import cache_tags, compression, counters
from .cache_tags import invalidate, invalidate_all, on_invalidate  # noqa: F401  (the API)
from .page_cache_index import index
from .page_cache_keys import may_use_cache, normalised_query, page_key

# Headers a stored page keeps; the ones added by the middlewares outside this one
# (security, CSP, request id, compression) are added again on every answer.
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options")


_hit_hooks = {}


class _Declaration:
    def __init__(self):
        self.versions = {}
        self.reads = set()
        self.storable = True
        self.hits = {}


def on_hit(name, hook):
    """Register ``hook(request, payload)``, run when a page that declared
    ``hit=(name, payload)`` is served from the cache: what its view does on every view
    besides rendering (a rate limit, core.counters.count). It must not query the
    database; returning a response answers instead of the cached page."""
    _hit_hooks[name] = hook


def shows(request, *tags, reads=(), hit=None):
    """Declare that this page may be cached for anonymous visitors and what it shows.

    Call before reading what the tags stand for: the versions are read now, so a change
    committed during the rendering leaves the entry stale for the next lookup. May be
    called several times (a listing adds the tags of the items it lists)."""
    declaration = getattr(request, "_page_cache", None)
    if declaration is None:
        declaration = request._page_cache = _Declaration()
        tags = (cache_tags.ALL, *tags)
    new = [tag for tag in tags if tag not in declaration.versions]
    if new:
        declaration.versions.update(cache_tags.current_versions(new))
    declaration.reads.update(reads)
    if hit is not None:
        name, payload = hit
        declaration.hits[name] = payload


def adds(request, *tags):
    """From a component (a template tag) that shows something of its own on pages it
    does not choose: adds its tags when the page opted in, does nothing otherwise."""
    if declared(request):
        shows(request, *tags)


def shows_pages(request, *pages, tags=(), reads=(), hit=None):
    """``shows`` for Wagtail pages (any object with a pk): their ``page:<id>`` tags."""
    page_tags = (cache_tags.page_tag(page) for page in pages if page)
    shows(request, *page_tags, *tags, reads=reads, hit=hit)


def skip(request):
    """This answer must not be stored (an out-of-range page number answered with
    another page, a notice meant for one request): it still gets HTTP caching."""
    declaration = getattr(request, "_page_cache", None)
    if declaration is not None:
        declaration.storable = False


def declared(request):
    return getattr(request, "_page_cache", None) is not None


class PageCacheMiddleware:
    """After the language is known (SiteLocaleMiddleware), before sessions, users or
    CSRF are looked at: a hit touches nothing but the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The views, searches… a request counts reach the counter store in one round trip.
        with counters.batched():
            return self._respond(request)

    def _respond(self, request):
        if not may_use_cache(request):
            response = self.get_response(request)
            if declared(request):
                _keep_private(response)
            return response
        query = normalised_query(request)
        if query is None:
            key = None
        else:
            key = page_key(request, query)
            entry = _current_entry(key)
            if entry is not None:
                for name, payload in entry["hits"].items():
                    answer = _hit_hooks[name](request, payload)
                    if answer is not None:
                        return answer
                return _answer(request, entry, state="hit")
        response = self.get_response(request)
        if not declared(request) or not _public(request, response):
            if declared(request):
                _keep_private(response)
            return response
        entry = _entry(response, request._page_cache)
        state = "pass"
        if key is not None and request.method == "GET" and _storable(request, query, response):
            cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
            index().add(key)
            _remember_tags(key, entry)
            state = "miss"
        return _answer(request, entry, fresh=response, state=state)


def _current_entry(key):
    """The entry kept under ``key`` if every tag it showed still has the version it was
    stored with. The tags this process last saw for the key are read with it, in one
    round trip; when they are not the entry's (the first lookup here, a new rendering),
    the entry's own are read after it."""
    remembered = _tags_seen.get(key, ())
    entry, versions = cache_tags.get_with_versions(key, remembered)
    if entry is None:
        return None
    stored = entry["tags"]
    if tuple(stored) == remembered:
        current = all(versions.get(tag) == version for tag, version in stored.items())
    else:
        _remember_tags(key, entry)
        current = cache_tags.still_current(stored)
    return entry if current else None


# Per process: {entry key: its tags' names}. Bounded; forgetting only costs a round trip.
_tags_seen = {}
TAGS_SEEN_BOUND = 20_000


def _remember_tags(key, entry):
    if len(_tags_seen) >= TAGS_SEEN_BOUND:
        _tags_seen.clear()
    _tags_seen[key] = tuple(entry["tags"])


def _public(request, response):
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        # The session is saved (with its cookie) outside this middleware.
        and not (session is not None and session.modified)
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _storable(request, query, response):
    """Only a page rendered from exactly what its key holds: one asked with unknown,
    empty or repeated parameters may show them (a "next" field, the language switcher)
    and is served but not stored; the clean request stores it."""
    declaration = request._page_cache
    asked = {name: sorted(values) for name, values in request.GET.lists()}
    return declaration.storable and set(query) <= declaration.reads and asked == dict(query.lists())


def _keep_private(response):
    """A page that can be public, rendered for someone with a session: only her browser
    may keep it (signed-in people already get private, no-store)."""
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, max_age=0)


def _entry(response, declaration):
    body = response.content
    entry = {
        "headers": {name: response[name] for name in STORED_HEADERS if name in response},
        "etag": f'"{hashlib.sha256(body).hexdigest()[:32]}"',
        "tags": declaration.versions,
        "hits": declaration.hits,
    }
    # Gzipped once here, not on every hit: a fifth of the bytes to read from the cache,
    # and no compression on the way out (a tenth of a hit's CPU).
    gzipped = compression.gzipped_once(body, response.get("Content-Type", ""))
    if gzipped is None:
        entry["body"] = body
    else:
        entry["gzip"] = gzipped
    return entry


def _answer(request, entry, *, fresh=None, state):
    if _matches(request, entry["etag"]):
        response = _with_validators(HttpResponseNotModified(), entry)
    elif fresh is not None:
        response = _with_validators(fresh, entry)
    else:
        response = _kept(request, entry)
    response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.PAGE_CACHE_SHARED_SECONDS}"
    # For the load bench and nginx logs: hit, miss (stored now) or pass (not storable).
    response["X-Page-Cache"] = state
    return response


def _with_validators(response, entry):
    response["ETag"] = entry["etag"]
    if "Vary" in entry["headers"]:
        response["Vary"] = entry["headers"]["Vary"]
    return response


def _kept(request, entry):
    response = HttpResponse()
    for name, value in entry["headers"].items():
        response[name] = value
    response["ETag"] = entry["etag"]
    body = entry.get("body")
    if body is None:
        body = compression.kept_answer_body(request, response, entry["gzip"])
    response.content = b"" if request.method == "HEAD" else body
    response["Content-Length"] = str(len(body))
    return response


def _matches(request, etag):
    asked = request.headers.get("If-None-Match")
    if not asked:
        return False
    # Weak comparison (RFC 9110 13.1.2): gzip marks our ETag weak (W/"…").
    wanted = etag.removeprefix("W/")
    return any(tag == "*" or tag.removeprefix("W/") == wanted for tag in parse_etags(asked))
