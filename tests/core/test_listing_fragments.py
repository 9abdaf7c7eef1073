"""Listing pages keep what is the same for everyone as shared fragments, rendered pages
or not (issue 19): the search filters, the professional cards, the towns and service
categories. A change to what they show makes a new key, so it shows at once."""

import os

import pytest
from django.test import Client, override_settings

from core.redis_cache import RedisCache
from course_pages.models import CourseCategory
from directory.models import ProfessionalListing, Town
from directory.services import listing_changed

from ..directory.builders import make_professional
from ..home.builders import build_home_site, course
from ..shared_build import built_once_per_module

pytestmark = pytest.mark.django_db


def build_home_site_with_a_course_and_a_professional():
    """Built once per module (tests/shared_build.py)."""
    site = build_home_site()
    course(site, "Teint zéro défaut", "teint")
    site["pro"] = make_professional(site["index"], "Salon Awa", services=[("nails", 5000)])
    return site


site = built_once_per_module(build_home_site_with_a_course_and_a_professional, "site")


def render(url):
    """A render (the page cache off, as on a miss): only the fragments are kept."""
    with override_settings(PAGE_CACHE_ENABLED=False):
        response = Client().get(url)
    assert response.status_code == 200
    return response.text


def test_a_new_category_shows_in_the_kept_catalogue_filters(site):
    url = site["catalogue"].url
    assert "Ongles en gel" not in render(url)

    CourseCategory.objects.create(name="Ongles en gel", slug="ongles-gel", locale=site["fr"])

    assert "Ongles en gel" in render(url)


def test_a_new_town_shows_in_the_kept_directory_filters_and_on_the_home_page(site):
    url = site["index"].url
    assert "Mbalmayo Nord" not in render(url + "?q=awa")
    assert "Mbalmayo Nord" not in render("/fr/")

    Town.objects.create(
        name="Mbalmayo Nord", slug="mbalmayo-nord", latitude="3.52", longitude="11.50"
    )

    assert "Mbalmayo Nord" in render(url + "?q=awa")
    assert "Mbalmayo Nord" in render(url)
    assert "Mbalmayo Nord" in render("/fr/")


def test_filters_asked_for_show_as_asked_and_errors_are_never_kept(site):
    url = site["index"].url
    assert 'value="9000"' in render(url + "?price_max=9000")
    assert 'value="9000"' not in render(url + "?price_max=8000")
    # A wrong value shows its error each time, and the right one is not mistaken for it.
    for _ in range(2):
        assert '<details class="filters" open>' in render(url + "?price_max=-5")
    assert '<details class="filters" open>' not in render(url + "?price_max=5")


def test_a_new_rating_shows_on_the_kept_professional_card(site):
    url = site["index"].url
    before = render(url)
    ProfessionalListing.objects.filter(professional=site["pro"]).update(
        rating_average=4.5, rating_count=7
    )
    # As directory.services.sync_listing does after every rewrite of a search row: the
    # page of results is kept per the directory tag (directory/search_page.py).
    listing_changed(site["pro"])

    after = render(url)

    assert "★ 4,5" not in before
    assert "★ 4,5" in after


def test_the_redis_cache_keeps_one_client_per_pool():
    # No command is sent: a client is made without connecting.
    cache = RedisCache("redis://127.0.0.1:6379/15", {})
    assert cache._cache.get_client() is cache._cache.get_client(write=True)


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis (REDIS_URL)")
def test_the_redis_cache_counts_an_existing_key_and_refuses_a_missing_one():
    cache = RedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": "incr-test"})
    cache.delete("count")
    with pytest.raises(ValueError):
        cache.incr("count")
    assert cache.get("count") is None
    cache.set("count", 5)
    assert cache.incr("count") == 6
    assert cache.incr("count", 10) == 16
    assert cache.decr("count") == 15
    cache.delete("count")
