"""Towns and service categories: a few dozen rows every directory card, filter and the
home page read, kept in the cache until they change.

Their key holds the version of the page cache's all-pages tag, which a change to either
bumps (directory/signals.py `names_changed`): one owner of "the names changed", for
these lists and for the pages that show them."""

from core import cache_tags

from .models import ServiceCategory, Town

# A day: the all-pages version makes changes show at once; this bounds the memory.
TIMEOUT = 24 * 3600


def _kept(name, read):
    return cache_tags.kept_until_stale(cache_tags.ALL, f"directory:{name}", read, TIMEOUT)


def towns():
    """Every town, by name."""
    return _kept("towns", lambda: list(Town.objects.all()))


def service_categories():
    """Every service category, in their order."""
    return _kept("service-categories", lambda: list(ServiceCategory.objects.all()))
