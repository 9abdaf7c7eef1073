"""Directory search over professionals a test adds itself, in the shared directory
(tests/directory/conftest.py); the other search tests share three professionals built
once (test_search.py)."""

import pytest

from .builders import make_professional
from .test_search import URL, titles

pytestmark = pytest.mark.django_db


def test_accented_words_in_a_profile_are_found_without_accents(client, directory):
    make_professional(
        directory["index"], "Élégance Coiffure", town="bamenda", bio="Cheveux tressés, chignons."
    )
    assert titles(client.get(URL, {"q": "elegance tresses"})) == ["Élégance Coiffure"]
    assert titles(client.get(URL, {"q": "chignon"})) == ["Élégance Coiffure"]


def test_filters_live_in_the_url_and_pages_keep_them(client, directory):
    for number in range(14):
        make_professional(
            directory["index"], f"Pro {number:02d}", services=[("nails", 5000)], translate=False
        )
    response = client.get(URL, {"category": "nails"})
    assert response.context["results"].paginator.num_pages == 2
    assert 'href="?category=nails&amp;page=2"' in response.content.decode()


def test_results_page_query_count_does_not_grow_with_results(
    client, directory, django_assert_max_num_queries
):
    for number in range(2):
        make_professional(directory["index"], f"Pro {number:02d}", services=[("nails", 5000)])
    with django_assert_max_num_queries(40) as few:
        client.get(URL, {"q": "pro", "category": "nails", "sort": "rating"})
    for number in range(2, 12):
        make_professional(directory["index"], f"Pro {number:02d}", services=[("nails", 5000)])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL, {"q": "pro", "category": "nails", "sort": "rating"})
    assert len(response.context["cards"]) == 12


def test_category_filter_finds_specialities_and_services(client, directory):
    index = directory["index"]
    make_professional(index, "Only Speciality", categories=["skincare"])
    make_professional(index, "Only Service", services=[("skincare", 9000)])
    make_professional(index, "Other", services=[("nails", 9000)], categories=["hair"])
    response = client.get(URL, {"category": "skincare"})
    assert sorted(titles(response)) == ["Only Service", "Only Speciality"]
    card = response.context["cards"][0]
    assert [category.slug for category in card["categories"]] == ["skincare"]
