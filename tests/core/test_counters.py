"""Views and searches are counted on the request path without a Celery message or a
database write (core/counters.py), also on page-cache hits, and reach the dashboards
and a professional's statistics once the beat task drains their minute: exactly once,
whatever stops the drain half-way. Runs on Redis when REDIS_URL is set (CI's second
pass), on the embedded file store otherwise."""

import time
from collections import Counter

import pytest
from django.conf import settings
from django.utils import timezone

from analytics import rollups
from analytics.models import CourseDay, Event
from core import counters
from core.counter_stores import store
from directory.models import WeeklyStats

from ..counting import drain_counts
from ..directory.builders import make_professional

pytestmark = pytest.mark.django_db
K = Event.Kind
VIEWS = 5


def view_course(client, site, times=VIEWS):
    answers = [client.get(site["course"].url) for _ in range(times)]
    assert [answer.status_code for answer in answers] == [200] * times
    assert answers[-1]["X-Page-Cache"] == "hit"


def dashboard_views(course_page):
    rollups.roll_up(timezone.localdate())
    row = CourseDay.objects.filter(course_id=course_page.pk).first()
    return row.views if row else 0


def occurrences(kind):
    """The drained events of ``kind``: their properties → the sum of their weights (the
    rows per minute they were written in do not matter)."""
    totals = Counter()
    for props, times in Event.objects.filter(kind=kind).values_list("props", "times"):
        totals[tuple(sorted(props.items()))] += times
    return dict(totals)


def test_the_counts_live_in_redis_when_the_cache_does_and_in_files_otherwise():
    assert type(store()).__name__ == ("RedisStore" if settings.REDIS_URL else "FileStore")


def test_course_views_served_from_the_cache_reach_the_dashboard_once_drained(client, site):
    view_course(client, site)

    assert not Event.objects.filter(kind=K.COURSE_VIEW).exists()
    assert drain_counts() == VIEWS
    assert dashboard_views(site["course"]) == VIEWS
    views = Event.objects.filter(kind=K.COURSE_VIEW)
    assert set(views.values_list("course_id", "user_id")) == {(site["course"].pk, None)}


def test_the_minute_still_running_is_not_drained(client, site):
    view_course(client, site)

    assert counters.drain() == 0

    assert not Event.objects.filter(kind=K.COURSE_VIEW).exists()
    assert drain_counts() == VIEWS


def test_draining_twice_counts_once(client, site):
    view_course(client, site)

    drain_counts()
    assert drain_counts() == 0

    assert dashboard_views(site["course"]) == VIEWS


def test_a_drain_stopped_after_its_write_counts_nothing_twice_when_run_again(
    client, site, monkeypatch
):
    view_course(client, site)
    kept = type(store()).discard

    def crash(self, batch):
        raise ConnectionError("the worker died before the batch left the store")

    monkeypatch.setattr(type(store()), "discard", crash)
    with pytest.raises(ConnectionError):
        drain_counts()
    monkeypatch.setattr(type(store()), "discard", kept)

    assert drain_counts() == 0
    assert dashboard_views(site["course"]) == VIEWS


def test_a_drain_stopped_before_its_write_loses_nothing(client, site, monkeypatch):
    view_course(client, site)

    def crash(*args, **kwargs):
        raise ConnectionError("the database went away")

    with monkeypatch.context() as patched:
        patched.setattr(Event.objects, "bulk_create", crash)
        with pytest.raises(ConnectionError):
            drain_counts()

    assert not Event.objects.filter(kind=K.COURSE_VIEW).exists()
    assert drain_counts() == VIEWS
    assert dashboard_views(site["course"]) == VIEWS


def test_a_count_arriving_after_its_minute_was_drained_comes_with_the_next_drain(client, site):
    view_course(client, site)
    drain_counts()
    # A request that took its minute just before the end, and wrote just after the drain.
    late = int(time.time() // 60) - 1
    store().add(late, Counter({("analytics.course_view", str(site["course"].pk)): 2}))

    assert drain_counts() == 2
    assert dashboard_views(site["course"]) == VIEWS + 2


def test_searches_served_from_the_cache_count_in_her_statistics_and_the_searches(client, site):
    professional = make_professional(site["index"], "Studio Compté")
    url = f"{site['index'].url}?q=compte"
    answers = [client.get(url) for _ in range(VIEWS)]
    assert answers[-1]["X-Page-Cache"] == "hit"
    profile = [client.get(professional.url) for _ in range(2)]
    assert profile[-1]["X-Page-Cache"] == "hit"

    assert not WeeklyStats.objects.filter(professional=professional).exists()
    drain_counts()
    drain_counts()

    stats = WeeklyStats.objects.get(professional=professional)
    assert (stats.search_appearances, stats.profile_views) == (VIEWS, 2)
    assert occurrences(K.DIRECTORY_SEARCH) == {(("service", ""), ("town", "")): VIEWS}
    assert occurrences(K.PROFILE_VIEW) == {(("professional", professional.pk),): 2}


def test_a_page_cache_hit_sends_no_celery_message(client, site, monkeypatch):
    from celery.app.task import Task

    client.get(site["course"].url)
    sent = []
    monkeypatch.setattr(Task, "apply_async", lambda self, *a, **k: sent.append(self.name))

    assert client.get(site["course"].url)["X-Page-Cache"] == "hit"

    assert sent == []
