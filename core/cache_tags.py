"""Versioned tags: what a cached page says it shows, and how a change makes it stale.

A page cached whole (core.page_cache) keeps the version of every tag it declared; a
lookup reads those versions in one round trip (MGET on Redis) and treats any change as
a miss. ``invalidate(*tags)`` gives each tag a new random version, so nothing has to
find and delete the pages concerned, and LocMem and Redis behave the same way.

Tags name what changes, in the words of the app that owns it: ``page:<id>`` (a Wagtail
page), ``directory`` (any search result of the directory), ``certificates:<user id>``,
``service-slots:<professional page id>``, ``followers:<user id>``; ``ALL`` for changes
every page shows (menus, footer, site settings); ``PAGE_TREE`` for any page published,
unpublished, moved or deleted anywhere, or a view restriction changed (data read from
many pages at once)."""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from core import request_memo

log = logging.getLogger(__name__)

ALL = "all-pages"
PAGE_TREE = "page-tree"
KEY_PREFIX = "pc:tag:"

_callbacks = []


def page_tag(page_or_id):
    return f"page:{getattr(page_or_id, 'pk', page_or_id)}"


def version_key(tag):
    return f"{KEY_PREFIX}{tag}"


def _new_version():
    return uuid.uuid4().hex[:12]


def _lifetime():
    # A version outlives every entry that read it; a version that has gone (expired or
    # evicted) only turns the next lookup into a miss, never into a stale hit.
    return max(settings.PAGE_CACHE_SECONDS * 4, 3600)


def current_versions(tags):
    """{tag: version} for these tags, giving a first version to tags that have none.
    Within a request each tag is read once (core.request_memo): a version read at the
    start is never newer than the data read after it, so nothing is kept stale."""
    known = _known_versions()
    if known is None:
        return _read_versions(tags)
    unknown = [tag for tag in tags if tag not in known]
    if unknown:
        known.update(_read_versions(unknown))
    return {tag: known[tag] for tag in tags}


def version_string(tags):
    """The current versions of these tags as one string, in their order: the part of a
    kept entry's key that makes a new key when any of them is bumped."""
    versions = current_versions(tags)
    return "-".join(versions[tag] for tag in tags)


def _known_versions():
    memo = request_memo.current()
    return None if memo is None else memo.setdefault("tag-versions", {})


def _read_versions(tags):
    keys = {version_key(tag): tag for tag in tags}
    found = cache.get_many(list(keys))
    versions = {keys[key]: value for key, value in found.items()}
    missing = {version_key(tag): _new_version() for tag in tags if tag not in versions}
    if missing:
        for key, value in missing.items():
            # add(): two first readers of a tag agree on one version.
            if not cache.add(key, value, timeout=_lifetime()):
                value = cache.get(key, value)
            versions[keys[key]] = value
    return versions


def kept_until_stale(tag, name, read, timeout):
    """What ``read()`` returns, kept in the cache under ``name`` until ``tag`` is made
    stale: lists every page reads (towns, locales …) cost no query between changes,
    and are read from the cache once per request."""
    key = f"{name}:{current_versions([tag])[tag]}"
    memo = request_memo.current()
    if memo is None:
        return cache.get_or_set(key, read, timeout)
    kept = memo.setdefault("kept-until-stale", {})
    if key not in kept:
        kept[key] = cache.get_or_set(key, read, timeout)
    return kept[key]


def still_current(stored):
    """True when every tag of a stored entry still has the version it was stored with."""
    if not stored:
        return True
    found = cache.get_many([version_key(tag) for tag in stored])
    return all(found.get(version_key(tag)) == version for tag, version in stored.items())


def get_with_versions(key, tags):
    """What the cache keeps under ``key``, and {tag: version} for those of ``tags`` that
    have one: in one round trip on Redis (core.redis_cache), two elsewhere."""
    keys = [version_key(tag) for tag in tags]
    together = getattr(cache, "get_with_many", None)
    if together is None:
        value, found = cache.get(key), cache.get_many(keys)
    else:
        value, found = together(key, keys)
    return value, {tag: found[version_key(tag)] for tag in tags if version_key(tag) in found}


def on_invalidate(callback):
    """Register ``callback(tags, paths)``, called after the change commits, with the tags
    made stale and the URL paths known to have changed (may be empty). For a CDN or
    nginx purge (wagtail.contrib.frontend_cache); a failing callback is logged."""
    if callback not in _callbacks:
        _callbacks.append(callback)
    return callback


def invalidate(*tags, paths=()):
    """Make every cached page showing one of these tags stale.

    Bumps at once and again after the surrounding transaction commits: the second bump
    covers a page rendered from the old rows while the transaction was still open (and
    the first keeps working where nothing ever commits, as in tests)."""
    tags = [tag for tag in dict.fromkeys(tags) if tag]
    if not tags:
        return
    paths = list(dict.fromkeys(paths))
    _bump(tags)

    def after_commit():
        _bump(tags)
        _notify(tags, paths)

    transaction.on_commit(after_commit)


def invalidate_all(paths=()):
    invalidate(ALL, paths=paths)


def _bump(tags):
    versions = {tag: _new_version() for tag in tags}
    cache.set_many(
        {version_key(tag): version for tag, version in versions.items()}, timeout=_lifetime()
    )
    known = _known_versions()
    if known is not None:
        known.update(versions)


def _notify(tags, paths):
    for callback in list(_callbacks):
        try:
            callback(tags, paths)
        except Exception:
            # A purge that fails must not undo a publish: the TTL still bounds staleness.
            log.exception("page cache purge callback %r failed", callback)
