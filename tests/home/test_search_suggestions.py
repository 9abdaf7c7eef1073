"""Search suggestions from the outside: the small JSON answer behind the catalogue's and
the directory's search boxes (courses, categories, professionals, towns, services),
blind to accents and case, in the page's language, at most 2 KB, cached until a
publish changes it, limited per address, and empty (never an error) for bad input.
The boxes stay plain forms: the suggestions are a script's extra, loaded when the
box is first used."""

import json
import re

import pytest
from django.test import Client, override_settings

from course_pages.models import CourseCategory, CoursePage
from demo.pages import translate_page
from directory.models import ProfessionalListing

from ..course_pages.builders import build_site, make_course, make_instructor
from ..directory.builders import build_directory, make_professional
from ..query_counts import counted_queries
from ..shared_build import built_once_per_module

pytestmark = pytest.mark.django_db

LONG_TITLE = "Nattes africaines et tresses collées de A à Z pour les cérémonies et mariages"


def build_suggestion_site():
    site = build_site()
    site.update(build_directory())
    _user, teacher = make_instructor("awa@example.cm", index=site["instructors"], title="Awa")
    hair = CourseCategory.objects.create(
        locale=site["fr"], name="Coiffure tressée", slug="coiffure", sort_order=2
    )
    hair_en = hair.copy_for_translation(site["en"])
    hair_en.name, hair_en.slug = "Braided hair", "braided-hair"
    hair_en.save()
    bun = make_course(
        site["catalogue"], teacher, title="Chignon tressé", slug="chignon-tresse", category=hair
    )
    translate_page(bun, site["en"], title="Braided bun", slug="braided-bun")
    make_course(site["catalogue"], teacher, title="Teint parfait", slug="teint")
    make_course(site["catalogue"], teacher, title="Tresse brouillon", slug="brouillon", live=False)
    for number in range(4):
        make_course(
            site["catalogue"],
            teacher,
            title=f"{LONG_TITLE} {number}",
            slug=f"nattes-africaines-et-tresses-collees-de-a-a-z-pour-ceremonies-{number}",
            category=hair,
        )
    make_professional(site["index"], "Salon Tressé d'Or", town="douala", categories=["braiding"])
    make_professional(site["index"], "Grace Nails", town="yaounde", categories=["nails"])
    return site


suggestion_site = built_once_per_module(build_suggestion_site, "suggestion_site")


def _suggest(params, client=None, language="fr"):
    response = (client or Client()).get(f"/{language}/suggest/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)["suggestions"]


def _labels(suggestions):
    return [(item["kind_label"], item["label"]) for item in suggestions]


def test_french_box_suggests_courses_categories_professionals_and_services_accent_blind(
    suggestion_site,
):
    suggestions = _suggest({"q": "tresse"})

    by_label = {item["label"]: item for item in suggestions}
    assert by_label["Chignon tressé"] == {
        "kind": "course",
        "kind_label": "Formation",
        "label": "Chignon tressé",
        "url": "/fr/formations/chignon-tresse/",
    }
    assert by_label["Coiffure tressée"]["url"] == "/fr/formations/?category=coiffure"
    assert by_label["Coiffure tressée"]["kind_label"] == "Catégorie"
    # The catalogue's box: its own suggestions first, then the directory's.
    kinds = [item["kind"] for item in suggestions]
    assert kinds.index("category") < kinds.index("professional")
    assert by_label["Salon Tressé d'Or"]["kind_label"] == "Professionnel·le"
    # A draft and a course without the word are never suggested.
    assert "Tresse brouillon" not in by_label and "Teint parfait" not in by_label


def test_english_box_suggests_in_english(suggestion_site):
    suggestions = _suggest({"q": "BRAID", "in": "directory"}, language="en")

    assert _labels(suggestions)[0] == ("Service", "Braiding")
    by_label = {item["label"]: item for item in suggestions}
    assert by_label["Braiding"]["url"] == "/en/professionals/?category=braiding"
    assert by_label["Braided bun"] == {
        "kind": "course",
        "kind_label": "Course",
        "label": "Braided bun",
        "url": "/en/courses/braided-bun/",
    }
    assert by_label["Braided hair"]["url"] == "/en/courses/?category=braided-hair"
    assert "Chignon tressé" not in by_label


@pytest.mark.parametrize(
    ("language", "query", "town", "url"),
    [
        ("fr", "douala", "Douala", "/fr/professionnelles/?town=douala"),
        ("fr", "YAOUNDE", "Yaoundé", "/fr/professionnelles/?town=yaounde"),
        ("en", "yaou", "Yaoundé", "/en/professionals/?town=yaounde"),
    ],
)
def test_directory_box_suggests_towns(suggestion_site, language, query, town, url):
    suggestions = _suggest({"q": query, "in": "directory"}, language=language)

    assert {"kind": "town", "kind_label": _town_label(language), "label": town, "url": url} in (
        suggestions
    )


def _town_label(language):
    return "Ville" if language == "fr" else "Town"


def test_professionals_are_suggested_by_name_in_the_page_language(suggestion_site):
    french = _suggest({"q": "grace", "in": "directory"})
    english = _suggest({"q": "grace n", "in": "directory"}, language="en")

    assert _labels(french) == [("Professionnel·le", "Grace Nails")]
    assert french[0]["url"].startswith("/fr/professionnelles/")
    assert english[0]["url"].startswith("/en/professionals/")
    # A bio or a town does not make a name: "yaounde" suggests the town, not Grace.
    assert "Grace Nails" not in [item["label"] for item in _suggest({"q": "yaounde"})]


def test_an_answer_stays_under_2_kb_with_long_names(suggestion_site):
    response = Client().get("/fr/suggest/", {"q": "tresses collées nattes africaines"})

    assert len(response.content) <= 2048
    labels = [item["label"] for item in json.loads(response.content)["suggestions"]]
    assert labels and all(len(label) <= 60 for label in labels)
    assert labels[0].endswith("…")


@pytest.mark.parametrize("query", ["", "t", " é ", "tresse " * 80, "x" * 5000, "%%%_", "!!?"])
def test_queries_too_short_or_too_long_are_answered_with_nothing_without_a_lookup(
    suggestion_site, query
):
    with counted_queries() as queries:
        assert _suggest({"q": query}) == []

    assert queries == []


@pytest.mark.parametrize(
    "query", ["'; DROP TABLE wagtailcore_page; --", "<script>alert(1)</script>", "%' OR '1'='1"]
)
def test_sql_and_html_are_plain_words_that_match_nothing_and_change_nothing(suggestion_site, query):
    courses, listings = CoursePage.objects.count(), ProfessionalListing.objects.count()

    assert _suggest({"q": query}) == []

    assert (CoursePage.objects.count(), ProfessionalListing.objects.count()) == (
        courses,
        listings,
    )


def test_no_query_and_other_methods(suggestion_site):
    assert _suggest({}) == []
    assert _suggest({"q": "tresse", "in": "<b>"})  # an unknown box is the catalogue's
    assert Client().post("/fr/suggest/", {"q": "tresse"}).status_code == 405


def test_an_answer_is_cached_and_a_publish_makes_it_stale(suggestion_site):
    client = Client()
    assert _suggest({"q": "perruque"}, client) == []
    with counted_queries() as queries:
        assert _suggest({"q": "perruque"}, client) == []
    # Served from the cache: at most the active locale is read.
    assert len(queries) <= 1

    teacher = suggestion_site["instructors"].get_children().first().specific
    course = make_course(suggestion_site["catalogue"], teacher, title="Perruque lace", slug="lace")

    assert _labels(_suggest({"q": "perruque"}, client)) == [("Formation", "Perruque lace")]
    course.unpublish()
    assert _suggest({"q": "perruque"}, client) == []


def test_a_new_professional_shows_once_published(suggestion_site):
    assert _suggest({"q": "nadine", "in": "directory"}) == []

    make_professional(suggestion_site["index"], "Nadine Beauté", town="buea")

    assert _labels(_suggest({"q": "nadine beaute", "in": "directory"})) == [
        ("Professionnel·le", "Nadine Beauté")
    ]


@override_settings(RATELIMIT_SEARCH="3/m")
def test_suggestions_are_limited_per_address_like_other_searches(suggestion_site):
    client = Client(REMOTE_ADDR="10.0.22.1")
    answers = [client.get("/fr/suggest/", {"q": f"tr{n}"}) for n in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert Client(REMOTE_ADDR="10.0.22.2").get("/fr/suggest/", {"q": "tr"}).status_code == 200


@pytest.mark.parametrize(
    ("url", "scope"),
    [("/fr/formations/", None), ("/en/professionals/", "directory")],
)
def test_search_boxes_stay_plain_forms_with_suggestions_as_an_extra(suggestion_site, url, scope):
    html = Client().get(url).content.decode()

    form = re.search(r'<form[^>]*role="search"[^>]*>', html).group(0)
    assert 'method="get"' in form
    assert f'data-suggest="/{url[1:3]}/suggest/"' in form
    assert ('data-suggest-in="directory"' in form) == (scope == "directory")
    assert 'name="q"' in html
    assert '<ul class="suggestions" id="search-suggestions" role="listbox"' in html
    # Loaded by app.js when the box is first used; no inline script (the site's CSP
    # allows none): the box works without it anyway.
    assert 'data-suggest-script="/static/js/suggest.js"' in form
    assert "suggest.js" not in html.replace(form, "")
    assert "<script>" not in html
    assert "{#" not in html
