"""What the directory tells other apps, for the statistics: a search was made.

Sent on the request path, also when the page cache answers, so it reads nothing from
the database: the town and service are the slugs the search asked for ("" for any);
receivers count them (core/counters.py); the rollup ignores slugs it does not know."""

from django.dispatch import Signal

# kwargs: town, category (slugs, "" for any).
searched = Signal()

MAX_SLUG = 64
# Opening the directory is browsing; a search asks for something.
ASKING = ("q", "category", "town", "near")


def announce_search(request):
    """One search per set of filters: the next pages of the same results do not count.
    "Your town" counts as the town asked for when no town is."""
    params = request.GET
    if params.get("page", "1") != "1" or not any(params.get(name) for name in ASKING):
        return
    searched.send(
        sender=__name__,
        town=(params.get("town") or params.get("near") or "")[:MAX_SLUG],
        category=params.get("category", "")[:MAX_SLUG],
    )
