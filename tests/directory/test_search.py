"""Clients search the directory: text, filters, sort, pages, and bad input never breaks it."""

import pytest

from directory.models import ProfessionalListing, Review, WeeklyStats
from directory.services import refresh_rating
from tests.conftest import make_person
from tests.counting import drain_counts

from ..shared_build import built_once_per_module
from .builders import build_directory, make_professional

pytestmark = pytest.mark.django_db

URL = "/fr/professionnelles/"


def build_searchable_directory():
    """The bilingual directory with three published professionals in three towns and one
    unpublished draft (built once per module: tests/shared_build.py). The tests that add
    professionals of their own are in test_search_with_added_professionals.py."""
    directory = build_directory()
    index = directory["index"]
    awa = make_professional(
        index,
        "Studio Awa",
        town="douala",
        services=[("braiding", 15000)],
        categories=["braiding"],
        languages=["fr", "en"],
        bio="Tresses sans nœuds à Akwa.",
    )
    grace = make_professional(
        index,
        "Grace Nails",
        town="bamenda",
        services=[("nails", 8000)],
        categories=["nails"],
        languages=["en"],
        bio="Gel nails and pedicures.",
    )
    yaya = make_professional(
        index,
        "Maison Yaya",
        town="yaounde",
        services=[("makeup", 30000)],
        categories=["makeup"],
        travels_to_clients=True,
        travel_radius_km=300,
        bio="Maquillage de mariée.",
    )
    draft = make_professional(index, "Brouillon Caché", town="douala", live=False)
    return {**directory, "awa": awa, "grace": grace, "yaya": yaya, "draft": draft}


pros = built_once_per_module(build_searchable_directory, "pros")


def titles(response):
    return [card["page"].title for card in response.context["cards"]]


def test_everyone_sees_only_published_professionals(client, pros):
    response = client.get(URL)
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Grace Nails", "Maison Yaya", "Studio Awa"]


def test_text_search_finds_names_services_and_bios(client, pros):
    assert titles(client.get(URL, {"q": "tresses"})) == ["Studio Awa"]
    assert titles(client.get(URL, {"q": "grace"})) == ["Grace Nails"]
    assert titles(client.get(URL, {"q": "mariée"})) == ["Maison Yaya"]


@pytest.mark.parametrize(
    "query, found",
    [
        ("yaounde", ["Maison Yaya"]),
        ("YAOUNDÉ", ["Maison Yaya"]),
        ("mariee", ["Maison Yaya"]),
        ("noeuds", ["Studio Awa"]),
        ("nœuds", ["Studio Awa"]),
        ("tressés", ["Studio Awa"]),
        ("GRÂCE", ["Grace Nails"]),
    ],
)
def test_text_search_ignores_accents_and_case(client, pros, query, found):
    assert titles(client.get(URL, {"q": query})) == found


def test_filters_by_category_town_region_language_and_price(client, pros):
    assert titles(client.get(URL, {"category": "nails"})) == ["Grace Nails"]
    assert titles(client.get(URL, {"town": "douala"})) == ["Studio Awa"]
    assert titles(client.get(URL, {"region": "NW"})) == ["Grace Nails"]
    assert sorted(titles(client.get(URL, {"language": "en"}))) == ["Grace Nails", "Studio Awa"]
    assert titles(client.get(URL, {"price_max": 10000})) == ["Grace Nails"]
    assert titles(client.get(URL, {"price_min": 20000})) == ["Maison Yaya"]


def test_who_comes_to_my_town_includes_those_who_travel_that_far(client, pros):
    response = client.get(URL, {"near": "douala", "comes_to_me": "on"})
    assert sorted(titles(response)) == ["Maison Yaya", "Studio Awa"]


def test_sort_by_distance_puts_the_nearest_town_first(client, pros):
    response = client.get(URL, {"near": "yaounde", "sort": "distance"})
    assert titles(response) == ["Maison Yaya", "Studio Awa", "Grace Nails"]


def test_sort_by_price_and_by_rating(client, pros):
    assert titles(client.get(URL, {"sort": "price"})) == [
        "Grace Nails", "Studio Awa", "Maison Yaya",
    ]  # fmt: skip
    Review.objects.create(professional=pros["yaya"], author=make_person("c@example.cm"), rating=5)
    refresh_rating(professional=pros["yaya"])
    assert titles(client.get(URL, {"sort": "rating"}))[0] == "Maison Yaya"


def test_rating_filter_keeps_well_rated_professionals(client, pros):
    Review.objects.create(professional=pros["awa"], author=make_person("c@example.cm"), rating=4)
    refresh_rating(professional=pros["awa"])
    assert titles(client.get(URL, {"min_rating": "4"})) == ["Studio Awa"]


def test_certified_only_shows_professionals_with_a_certificate(client, pros):
    ProfessionalListing.objects.filter(pk=pros["grace"].pk).update(is_certified=True)
    assert titles(client.get(URL, {"certified": "on"})) == ["Grace Nails"]


def test_english_search_shows_the_english_pages(client, pros):
    response = client.get("/en/professionals/", {"q": "nails"})
    assert titles(response) == ["Grace Nails"]
    assert response.context["cards"][0]["page"].locale.language_code == "en"


def test_each_search_counts_one_appearance_per_professional_shown(client, pros):
    client.get(URL)
    client.get(URL, {"town": "douala"})
    drain_counts()
    appearances = dict(WeeklyStats.objects.values_list("professional_id", "search_appearances"))
    assert appearances == {pros["awa"].pk: 2, pros["grace"].pk: 1, pros["yaya"].pk: 1}


@pytest.mark.parametrize(
    "params, message",
    [
        ({"category": "tattoo"}, "Sélectionnez un choix valide"),
        ({"town": "paris"}, "Sélectionnez un choix valide"),
        ({"region": "XX"}, "Sélectionnez un choix valide"),
        ({"price_min": "-5"}, "supérieure ou égale à 0"),
        ({"price_max": "abc"}, "Saisissez un nombre"),
        ({"min_rating": "9"}, "Sélectionnez un choix valide"),
        ({"q": "x" * 101}, "au plus 100 caractères"),
        ({"sort": "distance"}, "Choisissez votre ville"),
    ],
)
def test_bad_filter_values_get_a_clear_message_not_an_error(client, pros, params, message):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(titles(response)) == 3  # the bad filter is ignored, the others still apply


def test_swapped_price_bounds_are_read_the_right_way_round(client, pros):
    response = client.get(URL, {"price_min": 20000, "price_max": 5000})
    assert sorted(titles(response)) == ["Grace Nails", "Studio Awa"]


@pytest.mark.parametrize("page", ["99", "abc", "-1", "0"])
def test_out_of_range_pages_show_a_page_with_a_notice(client, pros, page):
    response = client.get(URL, {"page": page})
    assert response.status_code == 200
    assert response.context["page_notice"]
    assert response.context["cards"]


def test_search_words_with_sql_or_tsquery_syntax_are_just_words(client, pros):
    for query in ["tresses & | ! :* ()", "'; DROP TABLE x; --", "<script>alert(1)</script>"]:
        response = client.get(URL, {"q": query})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_broad_search_says_more_than_the_counted_number(client, pros, monkeypatch):
    monkeypatch.setattr("directory.search_page.MAX_COUNTED_RESULTS", 2)
    response = client.get("/en/professionals/")
    assert "More than 2 professionals" in response.content.decode()
    assert response.context["results"].paginator.is_capped
    narrower = client.get("/en/professionals/", {"town": "douala"}).content.decode()
    assert "More than" not in narrower
    assert "1 professional" in narrower
