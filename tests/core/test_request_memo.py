"""A request reads each tag version once (core.request_memo), and still sees its own
changes; outside a request every read goes to the cache."""

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

from core import cache_tags

pytestmark = pytest.mark.django_db


def test_a_request_reads_a_version_once_and_sees_its_own_bump():
    request_started.send(sender=None)
    try:
        first = cache_tags.current_versions(["page:1"])["page:1"]
        # Another process bumps it: this request keeps the version it first read.
        cache.set(cache_tags.version_key("page:1"), "elsewhere")
        assert cache_tags.current_versions(["page:1"])["page:1"] == first
        cache_tags.invalidate("page:1")
        mine = cache_tags.current_versions(["page:1"])["page:1"]
        assert mine not in (first, "elsewhere")
    finally:
        request_finished.send(sender=None)
    assert cache_tags.current_versions(["page:1"])["page:1"] == mine


def test_outside_a_request_each_read_goes_to_the_cache():
    first = cache_tags.current_versions(["page:2"])["page:2"]
    cache.set(cache_tags.version_key("page:2"), "elsewhere")
    assert first != "elsewhere"
    assert cache_tags.current_versions(["page:2"])["page:2"] == "elsewhere"
