"""The home page sells: search, categories, featured and newest courses, certified
professionals near the visitor's town, how it works, what it costs and proof counted
from real data — in French and English, in a fixed number of queries."""

import re

import pytest
from django.db import transaction
from django.test import Client

from certificates.services import issue_for_enrolment
from demo.pages import translate_page
from directory.models import Review
from directory.services import sync_listing
from enrolment.models import Enrolment
from home.models import HomePage
from home.selectors import TOWN_COOKIE

from ..conftest import make_person
from ..directory.builders import make_professional
from ..query_counts import PUBLIC_PAGE_BUDGET
from ..shared_build import built_once_per_module
from .builders import build_home_site, course, cover

pytestmark = pytest.mark.django_db

# French and English home, catalogue and directory, and one instructor: built once for
# the module (tests/shared_build.py), each test in a savepoint. test_home_sections_kept.py
# imports it, so a test process that runs both files builds it once.
site = built_once_per_module(build_home_site, "site")


def certified(site, title, *, town="douala", rating=None, **fields):
    """A published professional holding a real certificate (so the listing says certified)."""
    page = make_professional(
        site["index"], title, town=town, services=[("makeup", 10000)], **fields
    )
    graduation = site.get("graduation") or course(site, "Bases du teint", "bases-du-teint")
    site["graduation"] = graduation
    enrolment = Enrolment.objects.create(
        user=page.user, course=graduation, status=Enrolment.Status.COMPLETED
    )
    with transaction.atomic():
        issue_for_enrolment(enrolment_id=enrolment.pk)
    if rating:
        Review.objects.create(
            professional=page, author=make_person(f"c{page.pk}@x.cm"), rating=rating
        )
    sync_listing(professional=page)
    return page


def feature(site, *courses):
    home = HomePage.objects.get(pk=site["home"].pk)
    home.featured_courses = [("course", c) for c in courses]
    home.save_revision().publish()


def section(html, heading_id):
    """The HTML of the section a heading id labels ("" when absent)."""
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    return match.group(0) if match else ""


def get(client, path, **kwargs):
    response = client.get(path, **kwargs)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("path", "catalogue", "label"),
    [
        ("/fr/", "/fr/formations/", "Chercher une formation"),
        ("/en/", "/en/courses/", "Search courses"),
    ],
)
def test_search_box_sends_the_words_to_the_catalogue_in_each_language(
    client, site, path, catalogue, label
):
    html = get(client, path)

    assert f'action="{catalogue}"' in html
    assert 'name="q"' in html and label in html


def test_categories_with_live_courses_link_to_the_filtered_catalogue(client, site):
    course(site, "Maquillage de mariée", "mariee")
    complexion = course(site, "Teint", "teint")
    translate_page(
        complexion, site["en"], title="Complexion", slug="complexion", category=site["category_en"]
    )

    french = section(get(client, "/fr/"), "home-categories")
    english = section(get(client, "/en/"), "home-categories")

    assert 'href="/fr/formations/?category=maquillage"' in french and "Maquillage" in french
    assert "<small>2</small>" in french
    assert 'href="/en/courses/?category=make-up"' in english and "Make-up" in english
    assert "Catégories" in french and "Categories" in english


def test_without_courses_the_page_says_they_are_coming_and_shows_no_categories(client, site):
    french = get(client, "/fr/")
    english = get(client, "/en/")

    assert section(french, "home-categories") == ""
    assert section(french, "home-featured") == ""
    assert "Nos formatrices préparent les premières formations" in french
    assert "Our instructors are preparing the first courses" in english


def test_featured_courses_keep_the_editors_order_in_the_readers_language(client, site):
    bridal = course(site, "Maquillage de mariée", "mariee", cover_image=cover("mariee"))
    braids = course(site, "Tresses collées", "tresses")
    translate_page(bridal, site["en"], title="Bridal make-up", slug="bridal")
    feature(site, braids, bridal)

    french = section(get(client, "/fr/"), "home-featured")
    english = section(get(client, "/en/"), "home-featured")

    assert french.index("Tresses collées") < french.index("Maquillage de mariée")
    # English when the course is live in English, else its French page.
    assert english.index("Tresses collées") < english.index("Bridal make-up")
    assert "Formations à la une" in french and "Featured courses" in english


def test_featured_cover_images_are_lazy_webp_renditions_with_a_srcset(client, site):
    feature(site, course(site, "Maquillage de mariée", "mariee", cover_image=cover("mariee")))

    featured = section(get(client, "/fr/"), "home-featured")

    image = re.search(r"<img [^>]*>", featured).group(0)
    assert 'loading="lazy"' in image
    assert re.search(r'src="[^"]+\.webp"', image)
    assert re.search(r'srcset="[^"]+\.webp 360w, [^"]+\.webp 720w"', image)


def test_an_unpublished_featured_course_is_not_shown(client, site):
    draft = course(site, "Brouillon", "brouillon", live=False)
    feature(site, draft)

    assert section(get(client, "/fr/"), "home-featured") == ""


def test_newest_courses_come_latest_first_without_repeating_the_featured_ones(client, site):
    old = course(site, "Ancienne formation", "ancienne")
    middle = course(site, "Formation du milieu", "milieu")
    newest = course(site, "Toute nouvelle formation", "nouvelle")
    feature(site, middle)

    newest_section = section(get(client, "/fr/"), "home-newest")

    assert newest_section.index(newest.title) < newest_section.index(old.title)
    assert middle.title not in newest_section
    assert "Nouvelles formations" in newest_section
    assert "New courses" in section(get(client, "/en/"), "home-newest")


def test_certified_professionals_of_douala_show_by_default(client, site):
    certified(site, "Salon Awa", rating=5)
    make_professional(site["index"], "Salon Pas Certifie", town="douala")
    certified(site, "Salon Garoua", town="garoua")

    french = section(get(client, "/fr/"), "home-pros")
    english = section(get(client, "/en/"), "home-pros")

    assert "Professionnelles certifiées près de Douala" in french
    assert "Salon Awa" in french and "Certifiée" in french
    assert "Salon Pas Certifie" not in french and "Salon Garoua" not in french
    assert "Certified professionals near Douala" in english and "Salon Awa" in english


def test_choosing_a_town_shows_its_professionals_and_remembers_it(site):
    certified(site, "Salon Awa", town="douala")
    certified(site, "Salon Garoua", town="garoua")
    client = Client()

    response = client.get("/fr/?town=garoua")
    later = section(get(client, "/en/"), "home-pros")

    assert response.cookies[TOWN_COOKIE].value == "garoua"
    assert "Salon Garoua" in section(response.content.decode(), "home-pros")
    assert "Salon Awa" not in later and "Salon Garoua" in later
    assert "Cookie" in response["Vary"]


def test_an_unknown_town_is_refused_with_a_message_and_nothing_is_remembered(site):
    certified(site, "Salon Garoua", town="garoua")
    client = Client()
    client.cookies[TOWN_COOKIE] = "garoua"

    french = client.get("/fr/?town=atlantis")
    english = client.get("/en/?town=atlantis")

    assert TOWN_COOKIE not in french.cookies and TOWN_COOKIE not in english.cookies
    assert "Nous ne connaissons pas cette ville" in french.content.decode()
    assert "We do not know that town" in english.content.decode()
    assert "Salon Garoua" in section(french.content.decode(), "home-pros")


def test_a_signed_in_visitor_sees_professionals_of_their_profile_town(client, site):
    certified(site, "Salon Garoua", town="garoua")
    client.force_login(make_person("cliente@example.cm", town="Garoua"))

    pros = section(get(client, "/fr/"), "home-pros")

    assert "près de Garoua" in pros and "Salon Garoua" in pros


def test_without_certified_professionals_nearby_the_page_says_so_and_links_the_directory(
    client, site
):
    certified(site, "Salon Garoua", town="garoua")

    french = section(get(client, "/fr/"), "home-pros")
    english = section(get(client, "/en/"), "home-pros")

    assert "Salon Garoua" not in french
    assert "Pas encore de professionnelle certifiée près de Douala." in french
    assert "No certified professional near Douala yet." in english
    assert 'href="/fr/professionnelles/?near=douala&amp;sort=distance"' in french


def test_how_it_works_shows_three_default_steps_until_the_editor_writes_them(client, site):
    assert section(get(client, "/fr/"), "home-steps").count("<li>") == 3
    assert "Choisissez une formation" in get(client, "/fr/")
    assert "Choose a course" in get(client, "/en/")

    home = HomePage.objects.get(pk=site["home"].pk)
    home.how_it_works = [("step", {"title": "Inscrivez-vous", "text": "En une minute."})]
    home.save_revision().publish()

    steps = section(get(client, "/fr/"), "home-steps")
    assert "Inscrivez-vous" in steps and "Choisissez une formation" not in steps


def test_what_it_costs_comes_from_the_courses_and_the_subscription_prices(client, site):
    course(site, "Gratuite", "gratuite")
    course(site, "Payante", "payante", price_xaf=7500, included_in_subscription=True)
    course(site, "Chère", "chere", price_xaf=25000)

    french = section(get(client, "/fr/"), "home-pricing")
    english = section(get(client, "/en/"), "home-pricing")

    assert "1 formation gratuite" in french
    assert "7\u202f500\xa0FCFA" in french or "7 500 FCFA" in french.replace("\u202f", " ").replace(
        "\xa0", " "
    )
    assert "Mobile Money" in french and "Orange Money" in french
    assert "1 free course" in english and "5,000" in english and "50,000" in english
    assert 'href="/en/subscription/"' in english


def test_proof_counts_completions_certificates_and_visible_reviews(client, site):
    pro = certified(site, "Salon Awa", rating=5)
    Review.objects.create(
        professional=pro, author=make_person("hidden@x.cm"), rating=1, is_hidden=True
    )

    french = section(get(client, "/fr/"), "home-proof")
    english = section(get(client, "/en/"), "home-proof")

    assert re.search(r"<strong>1</strong>\s*formation terminée", french)
    assert re.search(r"<strong>1</strong>\s*certificat délivré", french)
    assert re.search(r"<strong>1</strong>\s*avis client", french)
    assert re.search(r"<strong>1</strong>\s*certificate issued", english)


def test_without_any_activity_the_proof_section_is_left_out(client, site):
    assert section(get(client, "/fr/"), "home-proof") == ""
    assert section(get(client, "/en/"), "home-proof") == ""


def _fill(site, count, start):
    """`count` more courses with covers (half of them featured) and certified pros."""
    for number in range(start, start + count):
        site.setdefault("made", []).append(
            course(site, f"Cours {number:02d}", f"c-{number:02d}", cover_image=cover(f"c{number}"))
        )
        certified(site, f"Salon {number:02d}", rating=4, photo=cover(f"p{number}"))
    feature(site, *site["made"][: len(site["made"]) // 2])


@pytest.mark.parametrize("path", ["/fr/", "/en/"])
def test_home_page_query_count_does_not_grow_with_courses_and_professionals(
    site, path, django_assert_max_num_queries
):
    _fill(site, 2, 0)
    client = Client()
    client.get(path)  # renditions are made on the first view
    # Issue #19: within the budget of every public page, however many cards it shows.
    with django_assert_max_num_queries(PUBLIC_PAGE_BUDGET) as small:
        client.get(path)
    # len() of the context, not captured_queries: each request clears the query log.
    with_two = len(small)
    _fill(site, 8, 2)
    client.get(path)
    with django_assert_max_num_queries(with_two):
        html = get(client, path)
    assert len(re.findall(r'class="course-card pro-card"', html)) == 4
