"""In production a process keeps its counts a second and writes them together from a
thread of its own, after the answers were sent (core/counters.py): nothing is lost,
whichever threads counted, nor when the store fails for a while. Runs on Redis when
REDIS_URL is set (CI's second pass), on the embedded file store otherwise."""

import os
import threading
import time

import pytest

from analytics.counted_events import COURSE_VIEWS
from core import counters

from ..counting import drain_counts
from .test_counters import VIEWS, dashboard_views, view_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(settings):
    settings.COUNTS_FLUSH_SECONDS = 0.05
    yield
    counters.flush()
    counters._kept.forget()  # the writer started here stops; the next test starts its own


def until_drained(expected, *, seconds=5):
    drained = 0
    deadline = time.monotonic() + seconds
    while drained < expected and time.monotonic() < deadline:
        time.sleep(0.05)
        drained += drain_counts()
    return drained


def test_views_served_from_the_cache_reach_the_dashboard_without_a_flush(client, site, kept):
    view_course(client, site)

    assert until_drained(VIEWS) == VIEWS
    assert dashboard_views(site["course"]) == VIEWS


def test_counts_of_requests_in_many_threads_all_arrive(site, kept):
    course_id = site["course"].pk

    def count_a_hundred():
        for _ in range(100):
            with counters.batched():
                counters.count(COURSE_VIEWS, course_id)

    threads = [threading.Thread(target=count_a_hundred) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counters.flush()

    assert drain_counts() == 800
    assert dashboard_views(site["course"]) == 800


def test_counts_the_store_refused_are_written_on_the_next_turn(client, site, kept, monkeypatch):
    real_store = counters.store
    refusals = []

    class Down:
        def add(self, minute, increments):
            refusals.append(minute)
            raise ConnectionError("the counter store is down")

    monkeypatch.setattr(counters, "store", lambda: Down())
    view_course(client, site)
    counters.flush()
    assert refusals

    monkeypatch.setattr(counters, "store", real_store)
    counters.flush()

    assert drain_counts() == VIEWS


def test_a_count_made_outside_a_request_is_written_at_once(site, kept):
    counters.count(COURSE_VIEWS, site["course"].pk)

    assert drain_counts() == 1


def test_a_forked_process_does_not_write_what_its_parent_kept(site, kept, settings):
    settings.COUNTS_FLUSH_SECONDS = 30  # the writer this count starts waits 30 s
    with counters.batched():
        counters.count(COURSE_VIEWS, site["course"].pk)

    child = os.fork()
    if child == 0:
        # The child's kept counts start empty: only the parent writes the view.
        os._exit(0 if not counters._kept.minutes else 1)
    _, status = os.waitpid(child, 0)
    counters.flush()

    assert os.waitstatus_to_exitcode(status) == 0
    assert drain_counts() == 1
