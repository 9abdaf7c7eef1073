"""The directory's searches and a professional's profile cost a fixed number of queries
when three times more professionals (or services) are shown."""

import pytest
from django.test import Client

from directory.models import Service, ServiceCategory

from ..query_counts import PUBLIC_PAGE_BUDGET, warm_queries
from .builders import make_professional

pytestmark = pytest.mark.django_db

URL = "/fr/professionnelles/"
# Rendered (the page cache off), once the route and the chrome are in the cache; within
# the 15 of issue #19. The filter form's lists are read once each (towns for both
# selects, categories, languages).
DIRECTORY_BUDGET = 11
# A profile also reads its owner, certificates, schedule and hours, services, reviews,
# towns, languages and its portfolio's images; the view's count runs inline in tests.
PROFILE_BUDGET = 18


def _pros(directory, first, last):
    return [
        make_professional(
            directory["index"],
            f"Pro {number:02d}",
            town="douala" if number % 2 else "yaounde",
            services=[("nails", 5000 + number)],
        )
        for number in range(first, last)
    ]


@pytest.mark.parametrize(
    "query",
    ["", "?q=pro", "?town=douala", "?category=nails&price_max=9000", "?certified=on&sort=rating"],
)
def test_a_search_costs_the_same_with_three_times_more_professionals(directory, query):
    client = Client()
    _pros(directory, 0, 4)
    few = warm_queries(client, URL + query)
    _pros(directory, 4, 12)

    assert warm_queries(client, URL + query) == few
    assert few <= DIRECTORY_BUDGET <= PUBLIC_PAGE_BUDGET


def test_a_profile_costs_the_same_with_three_times_more_services(directory):
    client = Client()
    pro = _pros(directory, 0, 1)[0]
    few = warm_queries(client, pro.url)
    for number in range(2):
        Service.objects.create(
            professional=pro,
            category=ServiceCategory.objects.get(slug="nails"),
            name_fr=f"Pose {number}",
            name_en=f"Set {number}",
            duration_minutes=60,
            price_xaf=6000,
            deposit_value=2000,
        )

    assert warm_queries(client, pro.url) == few
    assert few <= PROFILE_BUDGET
