"""Remembered page routes (core/page_routes.py): a page found once is found again
without walking the tree, and a publish, unpublish, move or view restriction shows on
the very next request."""

import pytest
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction

from ..course_pages.builders import make_lesson
from ..home.builders import build_home_site, course
from ..query_counts import counted_queries
from ..shared_build import built_once_per_module

pytestmark = pytest.mark.django_db


def build_route_site():
    site = build_home_site()
    site["course"] = course(site, "Tresses africaines", "tresses-africaines")
    site["lesson"] = make_lesson(site["course"], title="Les outils", slug="les-outils")
    return site


route_site = built_once_per_module(build_route_site, "route_site")


def answer(url):
    with override_settings(PAGE_CACHE_ENABLED=False):
        return Client().get(url)


def status(url):
    return answer(url).status_code


def moved_away(old_url, new_url):
    """The old address no longer serves the page: not found, or Wagtail's redirect to
    the new one (made when a move changes the address)."""
    response = answer(old_url)
    if response.status_code == 301:
        return response["Location"] == new_url
    return response.status_code == 404


def queries_of(client, url):
    with counted_queries() as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_page_found_once_is_found_again_without_walking_the_tree(route_site):
    client = Client()
    url = route_site["course"].url
    first = queries_of(client, url)

    # The site, the locale, the home page, each URL segment and its type, the view
    # restrictions of every ancestor: one query (the page itself) instead.
    assert queries_of(client, url) <= first - 5


def test_an_unpublished_page_is_gone_on_the_next_request(route_site):
    url = route_site["course"].url
    assert status(url) == 200

    route_site["course"].unpublish()

    assert status(url) == 404


def test_a_renamed_page_answers_at_its_new_address_only(route_site):
    page = route_site["course"]
    old_url = page.url
    assert status(old_url) == 200

    page.slug = "tresses-et-tissages"
    page.save_revision().publish()
    new_url = type(page).objects.get(pk=page.pk).url

    assert new_url != old_url
    assert moved_away(old_url, new_url)
    assert status(new_url) == 200


def test_a_moved_lesson_answers_under_its_new_course(route_site):
    lesson, old_url = route_site["lesson"], route_site["lesson"].url
    other = course(route_site, "Maquillage", "maquillage")
    # Lessons are served to the enrolled; a preview lesson to anyone.
    lesson.is_preview = True
    lesson.save_revision().publish()
    assert status(old_url) == 200

    lesson.move(other, pos="last-child")
    new_url = type(lesson).objects.get(pk=lesson.pk).url

    assert new_url.startswith(other.url)
    assert moved_away(old_url, new_url)
    assert status(new_url) == 200


def test_a_view_restriction_added_later_applies_to_the_next_request(route_site):
    url = route_site["course"].url
    assert status(url) == 200

    PageViewRestriction.objects.create(
        page=route_site["catalogue"], restriction_type=PageViewRestriction.LOGIN
    )

    with override_settings(PAGE_CACHE_ENABLED=False):
        response = Client().get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_restricted_page_stays_restricted_when_its_route_is_remembered(route_site):
    PageViewRestriction.objects.create(
        page=route_site["course"], restriction_type=PageViewRestriction.LOGIN
    )
    url = route_site["course"].url

    with override_settings(PAGE_CACHE_ENABLED=False):
        answers = [Client().get(url).status_code for _ in range(2)]

    assert answers == [302, 302]


def test_a_lesson_kept_with_its_route_is_read_again_after_any_page_save(route_site):
    lesson = route_site["lesson"]
    # Lessons are served to the enrolled; a preview lesson to anyone.
    lesson.is_preview = True
    lesson.save_revision().publish()
    client = Client()
    with override_settings(PAGE_CACHE_ENABLED=False):
        client.get(lesson.url)
        with counted_queries() as again:
            assert client.get(lesson.url).status_code == 200
        # Its row came with its route (ROUTE_KEEPS_PAGE): no page read at all.
        assert not [sql for sql in again if "wagtailcore_page" in sql]

        lesson.title = "Les outils du tressage"
        lesson.save()

        assert "<title>Les outils du tressage ·" in client.get(lesson.url).content.decode()
