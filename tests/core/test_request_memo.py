"""Tag versions and the route generation are read from the cache once per request
(core.request_memo), yet a change made during the request, or before the next one,
is seen (issue 19)."""

import pytest
from django.core.cache import cache

from core import cache_tags, page_routes, request_memo

pytestmark = pytest.mark.django_db


def within_a_request(work):
    return request_memo.RequestMemoMiddleware(lambda request: work())(None)


def test_outside_a_request_every_read_goes_to_the_cache():
    assert request_memo.current() is None
    first = cache_tags.current_versions(["memo-test"])["memo-test"]
    cache_tags.invalidate("memo-test")
    assert cache_tags.current_versions(["memo-test"])["memo-test"] != first


def test_a_version_is_read_once_per_request_and_fresh_in_the_next(monkeypatch):
    reads = []
    real_get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: reads.append(keys) or real_get_many(keys))

    def twice():
        first = cache_tags.current_versions(["memo-test", cache_tags.ALL])
        second = cache_tags.current_versions(["memo-test"])
        return first, second

    first, second = within_a_request(twice)
    assert first["memo-test"] == second["memo-test"]
    assert len(reads) == 1
    # Another process's change shows on the next request.
    cache_tags._bump(["memo-test"])
    later, _ = within_a_request(twice)
    assert later["memo-test"] != first["memo-test"]
    assert request_memo.current() is None


def test_a_change_made_during_the_request_is_seen_by_the_rest_of_it():
    def change_then_read():
        before = cache_tags.current_versions(["memo-test"])["memo-test"]
        cache_tags.invalidate("memo-test")
        return before, cache_tags.current_versions(["memo-test"])["memo-test"]

    before, after = within_a_request(change_then_read)
    assert before != after
    assert after == cache.get(cache_tags.version_key("memo-test"))


def test_a_kept_list_is_read_again_once_its_tag_changes_within_the_request():
    calls = []

    def read():
        calls.append(1)
        return len(calls)

    def work():
        first = cache_tags.kept_until_stale("memo-test", "memo-list", read, 60)
        again = cache_tags.kept_until_stale("memo-test", "memo-list", read, 60)
        cache_tags.invalidate("memo-test")
        return first, again, cache_tags.kept_until_stale("memo-test", "memo-list", read, 60)

    first, again, after_change = within_a_request(work)
    assert first == again == 1
    assert after_change == 2


def test_the_route_generation_is_read_once_and_follows_a_change_in_the_request():
    def work():
        first = page_routes._generation()
        cache.set(page_routes.GENERATION_KEY, first + 10, None)
        unchanged = page_routes._generation()
        page_routes.forget_routes()
        return first, unchanged, page_routes._generation()

    first, unchanged, after_change = within_a_request(work)
    assert unchanged == first
    assert after_change == first + 11
