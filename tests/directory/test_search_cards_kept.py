"""The directory search keeps each professional's card page (core cache tags): a cache
miss of the page reads none of them again, and a change to a profile shows on the very
next search, the page cache off as after any change it makes stale."""

import pytest
from django.test import override_settings

from directory.models import ProfessionalListing

from .builders import make_professional

pytestmark = pytest.mark.django_db

URL = "/fr/professionnelles/?q=tresses"


def titles(response):
    return [card["page"].title for card in response.context["cards"]]


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_republished_profile_shows_its_new_name_on_the_next_search(
    client, directory, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    awa = make_professional(
        directory["index"], "Studio Awa", categories=["braiding"], bio="Tresses à Akwa."
    )
    assert titles(client.get(URL)) == ["Studio Awa"]
    # Kept: the cards' pages, towns and photos are not read again.
    with django_assert_max_num_queries(3):
        assert titles(client.get(URL)) == ["Studio Awa"]

    awa.title = "Studio Awa Tresses"
    with django_capture_on_commit_callbacks(execute=True):
        awa.save_revision().publish()

    assert titles(client.get(URL)) == ["Studio Awa Tresses"]
    assert ProfessionalListing.objects.get(pk=awa.pk).title == "Studio Awa Tresses"


@override_settings(PAGE_CACHE_ENABLED=False)
def test_an_unpublished_profile_leaves_the_search_at_once(
    client, directory, django_capture_on_commit_callbacks
):
    index = directory["index"]
    awa = make_professional(index, "Studio Awa", categories=["braiding"], bio="Tresses.")
    make_professional(index, "Salon Binta", categories=["braiding"], bio="Tresses.")
    assert sorted(titles(client.get(URL))) == ["Salon Binta", "Studio Awa"]

    with django_capture_on_commit_callbacks(execute=True):
        awa.unpublish()

    assert titles(client.get(URL)) == ["Salon Binta"]


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_search_is_kept_and_a_new_matching_profile_shows_at_once(
    client, directory, django_assert_max_num_queries
):
    index = directory["index"]
    make_professional(index, "Studio Awa", categories=["braiding"], bio="Tresses.")
    assert titles(client.get(URL)) == ["Studio Awa"]
    # The page of results is kept (directory/search_page.py): only the page is read.
    with django_assert_max_num_queries(1):
        response = client.get(URL)
    assert titles(response) == ["Studio Awa"]
    assert response.context["results"].paginator.count == 1

    make_professional(index, "Salon Binta", categories=["braiding"], bio="Tresses.")

    response = client.get(URL)
    assert sorted(titles(response)) == ["Salon Binta", "Studio Awa"]
    assert response.context["results"].paginator.count == 2
