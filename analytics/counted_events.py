"""Events too frequent for a row each on the request path (course page views, directory
searches, profile views: also served from the page cache) are counted there
(core/counters.py) and written as events once their minute is over, by the drain,
dated at the start of that minute. Anonymous counts: no person, no opt-out to ask."""

import json

from core import counters

from .models import Event

K = Event.Kind
COURSE_VIEWS = "analytics.course_view"
SEARCHES = "analytics.search"
PROFILE_VIEWS = "analytics.profile_view"
BULK_ROWS = 1000


def count_course_view(course_id):
    counters.count(COURSE_VIEWS, course_id)


def count_search(town, category):
    counters.count(SEARCHES, json.dumps([town, category]))


def count_profile_view(professional_id):
    counters.count(PROFILE_VIEWS, professional_id)


def _course_views(counts, *, minute):
    _write(
        Event(kind=K.COURSE_VIEW, course_id=int(course), occurred_at=minute)
        for course, times in counts.items()
        for _ in range(times)
    )


def _searches(counts, *, minute):
    _write(
        Event(kind=K.DIRECTORY_SEARCH, props=_search_props(key), occurred_at=minute)
        for key, times in counts.items()
        for _ in range(times)
    )


def _search_props(key):
    town, service = json.loads(key)
    return {"town": town, "service": service}


def _profile_views(counts, *, minute):
    _write(
        Event(kind=K.PROFILE_VIEW, props={"professional": int(pro)}, occurred_at=minute)
        for pro, times in counts.items()
        for _ in range(times)
    )


def _write(events):
    Event.objects.bulk_create(events, batch_size=BULK_ROWS)


def register():
    counters.on_drain(COURSE_VIEWS, _course_views)
    counters.on_drain(SEARCHES, _searches)
    counters.on_drain(PROFILE_VIEWS, _profile_views)
