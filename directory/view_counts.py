"""A professional's weekly statistics (search appearances, profile views), counted on
the request path without the database (core/counters.py), also when the page cache
answers, and added to her WeeklyStats row once their minute is over: every visitor of a
results page used to bump the same rows, and under load the searches queued on each
other's row locks; now a minute of them is one UPDATE per distinct number."""

from django.utils import timezone

from core import counters

from . import services
from .audience import profile_viewed

SEARCH_APPEARANCES = "directory.search_appearance"
PROFILE_VIEWS = "directory.profile_view"


def count_search_appearances(professional_ids):
    """The search rows' ids (their default-locale page's) shown on a results page."""
    counters.count(SEARCH_APPEARANCES, *professional_ids)


def count_profile_view(professional_id):
    """A view of her page in any language, for her default-locale page's id."""
    counters.count(PROFILE_VIEWS, professional_id)
    profile_viewed.send(sender=__name__, professional_id=professional_id)


def _adder(field):
    def add(counts, *, minute):
        services.add_to_weekly_stats(
            field=field,
            counts={int(pk): times for pk, times in counts.items()},
            day=timezone.localdate(minute),
        )

    return add


def register():
    counters.on_drain(SEARCH_APPEARANCES, _adder("search_appearances"))
    counters.on_drain(PROFILE_VIEWS, _adder("profile_views"))
