"""Events too frequent for a row each on the request path (course page views, directory
searches, profile views: also served from the page cache) are counted there
(core/counters.py) and written as events once their minute is over, by the drain,
dated at the start of that minute: one row per key (course, town and service,
professional) whose ``times`` is its count. Anonymous counts: no person, no opt-out
to ask."""

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


def _event_rows(make):
    """A drain handler: one event per key and minute, made by ``make(key, minute, times)``
    and standing for the ``times`` the key was counted (a row per count made a busy
    minute hundreds of thousands of inserts)."""

    def write(counts, *, minute):
        Event.objects.bulk_create(
            (make(key, minute, times) for key, times in counts.items()),
            batch_size=BULK_ROWS,
        )

    return write


def _course_view(course, minute, times):
    return Event(kind=K.COURSE_VIEW, course_id=int(course), occurred_at=minute, times=times)


def _search(key, minute, times):
    town, service = json.loads(key)
    props = {"town": town, "service": service}
    return Event(kind=K.DIRECTORY_SEARCH, props=props, occurred_at=minute, times=times)


def _profile_view(professional, minute, times):
    props = {"professional": int(professional)}
    return Event(kind=K.PROFILE_VIEW, props=props, occurred_at=minute, times=times)


def register():
    counters.on_drain(COURSE_VIEWS, _event_rows(_course_view))
    counters.on_drain(SEARCHES, _event_rows(_search))
    counters.on_drain(PROFILE_VIEWS, _event_rows(_profile_view))
