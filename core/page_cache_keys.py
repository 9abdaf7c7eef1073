"""Which requests the page cache may answer, and the one key each of them maps to.

Decided from the request alone, without the database: a visitor is anonymous when she
sends no session cookie (a signed-in person always has one; so does a visitor who
revealed a phone number). Query strings are normalised so that random parameters,
their order or repetition cannot make new entries (such a request may be answered with
the clean copy; rendered, it is not stored)."""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import get_language

# Longer values are not a search anybody typed: such a request is served, not stored.
MAX_VALUE_LENGTH = 200


def bypass_cookies():
    """Cookies that mean the page may be personal: the session, pending messages."""
    return {settings.SESSION_COOKIE_NAME, "messages", *settings.PAGE_CACHE_BYPASS_COOKIES}


def may_use_cache(request):
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if "Authorization" in request.headers or bypass_cookies() & set(request.COOKIES):
        return False
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    return request.path_info.startswith(prefixes)


def normalised_query(request):
    """The known parameters only, sorted, empty and repeated values dropped, as a
    QueryDict: what the key holds. None when a value is too long."""
    known = settings.PAGE_CACHE_QUERY_PARAMS
    pairs = []
    for name in sorted(set(request.GET) & known):
        values = sorted({value.strip() for value in request.GET.getlist(name) if value.strip()})
        if any(len(value) > MAX_VALUE_LENGTH for value in values):
            return None
        pairs += [(name, value) for value in values]
    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, value)
    query._mutable = False
    return query


def page_key(request, query):
    """The entry key: site, language, path, known parameters and the cookies that
    change the page (data saver, town), plus the Save-Data header."""
    cookies = [(name, request.COOKIES.get(name, "")) for name in settings.PAGE_CACHE_KEY_COOKIES]
    parts = [
        request.scheme,
        request.get_host(),
        get_language() or "",
        request.path,
        urlencode(sorted(query.lists()), doseq=True),
        request.headers.get("Save-Data", "").strip().lower(),
        urlencode(cookies),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"pc:page:{digest}"
