"""The limit a page-cache hit checks (core.rate_limits.over_limit, the directory search):
counted in fixed windows per client address in one round trip, a process adding a
client's requests to the shared count every limit/50-th one; whoever goes over stays
over until the window ends. Runs on Redis when REDIS_URL is set (CI's second pass)."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import RequestFactory

from core import rate_limits
from core.rate_limits import over_limit

from ..redis_round_trips import round_trips


def asked_from(address):
    return RequestFactory().get("/fr/professionnelles/", REMOTE_ADDR=address)


def answers(address, times, rate="500/m", group="tests.search"):
    request = asked_from(address)
    return [over_limit(request, group, rate) for _ in range(times)]


def test_a_small_limit_is_exact():
    assert answers("10.9.0.1", 4, rate="3/m") == [False, False, False, True]


def test_a_large_limit_is_passed_by_at_most_a_fiftieth_and_then_holds():
    seen = answers("10.9.0.2", 560)

    first_over = seen.index(True)
    assert 500 <= first_over < 500 + 500 // 50
    assert all(seen[first_over:])


def test_each_address_rate_and_group_has_its_own_count():
    assert answers("10.9.0.3", 4, rate="3/m")[-1] is True

    assert answers("10.9.0.4", 1, rate="3/m") == [False]
    assert answers("10.9.0.3", 1, rate="4/m") == [False]
    assert answers("10.9.0.3", 1, rate="3/m", group="tests.other") == [False]


def test_a_window_of_several_minutes_is_read_as_django_ratelimit_reads_it():
    assert answers("10.9.0.6", 3, rate="2/5m") == [False, False, True]


def test_a_forked_process_does_not_send_what_its_parent_held():
    answers("10.9.0.7", 3, rate="500/m")  # under the step of 10: held, not sent yet

    child = os.fork()
    if child == 0:
        # The child starts with nothing held: only the parent sends those three.
        os._exit(0 if not rate_limits._unsent.counts else 1)
    _, status = os.waitpid(child, 0)

    assert os.waitstatus_to_exitcode(status) == 0
    assert rate_limits._unsent.counts


def test_nothing_is_limited_when_rate_limits_are_off(settings):
    settings.RATELIMIT_ENABLE = False

    assert answers("10.9.0.5", 5, rate="1/m") == [False] * 5


@pytest.mark.skipif(not settings.REDIS_URL, reason="the one-round-trip count is Redis's")
def test_on_redis_a_count_is_one_round_trip_and_ends_with_its_window(monkeypatch):
    sent = round_trips(monkeypatch)
    first = cache.count_in_window("tests:window", 60, 3)
    sent.clear()
    second = cache.count_in_window("tests:window", 60, 2)

    assert (first, second) == (3, 5)
    assert len(sent) == 1
    client = cache._cache.get_client(None)
    assert 0 < client.ttl(cache.make_key("tests:window")) <= 60
