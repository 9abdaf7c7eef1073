"""The search suggestions endpoint: one small JSON answer joining the catalogue's
suggestions (course_pages) and the directory's, for the search boxes of both.

Home sits above both apps (pyproject's import layers), so each keeps its own rules
and this only joins, caches and answers. An answer is the same for everybody in a
language: it is kept whole in the cache under both apps' tags, so publishing a
course or a profile makes it stale. Bad input (empty, one letter, 5,000 characters,
SQL or HTML) is answered with an empty list, never an error page."""

import json

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from core.rate_limits import rate_limit
from core.search_suggestions import CACHE_SECONDS, query_words, versioned_key
from course_pages import suggestions as catalogue
from directory import suggestions as directory

SCOPE_DIRECTORY = "directory"
SHOWN = 8
# A phone on paid data waits for every byte: the answer never grows past this.
MAX_ANSWER_BYTES = 2048
# Browsers may reuse an answer briefly while one types and deletes; the server's copy
# follows publishing at once.
BROWSER_MAX_AGE = 60


@require_GET
@rate_limit("RATELIMIT_SEARCH", group="search.suggestions", methods="GET")
def suggestions(request):
    """{"suggestions": [{"kind", "kind_label", "label", "url"}]}: the box's own app
    first (`in=directory` for the directory's box, else the catalogue's)."""
    words = query_words(request.GET.get("q", ""))
    scope = SCOPE_DIRECTORY if request.GET.get("in") == SCOPE_DIRECTORY else "catalogue"
    body = _answer_for(request, words, scope) if words else _encode([])
    response = HttpResponse(body, content_type="application/json")
    patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
    return response


def _answer_for(request, words, scope):
    locale = Locale.get_active()
    tags = catalogue.SUGGESTION_TAGS + directory.SUGGESTION_TAGS
    key = versioned_key("suggest:answer", tags, locale.pk, scope, " ".join(words))
    body = cache.get(key)
    if body is None:
        groups = [
            catalogue.suggest(words=words, locale=locale, request=request),
            directory.suggest(words=words, locale=locale, request=request),
        ]
        if scope == SCOPE_DIRECTORY:
            groups.reverse()
        body = _encode([item for group in groups for item in group][:SHOWN])
        cache.set(key, body, CACHE_SECONDS)
    return body


def _encode(items):
    """The answer in at most MAX_ANSWER_BYTES: the last suggestions give way."""
    while True:
        body = json.dumps(
            {"suggestions": [item.as_json() for item in items]},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode()
        if len(body) <= MAX_ANSWER_BYTES or not items:
            return body
        items = items[:-1]
