"""The home page's shared sections are kept between views (home/selectors.py) and still
show every change on the next view: a publish below the home page, a price, a category,
a directory listing. Seen by a signed-in visitor, whose pages the page cache never keeps
whole, so only the kept sections stand between the change and the page."""

import pytest

from course_pages.models import CourseCategory, CoursePage
from directory.models import ProfessionalPage
from directory.services import sync_listing

from ..conftest import make_person
from . import test_home_page_sections
from .builders import course
from .test_home_page_sections import certified, get, section

pytestmark = pytest.mark.django_db

# The home sections tests' site, built once per module (tests/shared_build.py); the very
# same build, so a test process that runs both files one after the other builds it once.
site = test_home_page_sections.site


@pytest.fixture
def signed_in(client):
    client.force_login(make_person("lectrice@example.cm"))
    return client


def test_a_course_published_after_a_view_shows_on_the_next_one(signed_in, site):
    course(site, "Ancienne formation", "ancienne")
    assert "Ancienne formation" in section(get(signed_in, "/fr/"), "home-newest")

    course(site, "Toute nouvelle formation", "nouvelle")

    assert "Toute nouvelle formation" in section(get(signed_in, "/fr/"), "home-newest")


def test_an_unpublished_course_leaves_the_next_view(signed_in, site):
    gone = course(site, "Formation retirée", "retiree")
    assert "Formation retirée" in section(get(signed_in, "/fr/"), "home-newest")

    gone.unpublish()

    assert "Formation retirée" not in section(get(signed_in, "/fr/"), "home-newest")


def test_a_new_price_shows_in_what_it_costs_and_on_the_card(signed_in, site):
    paid = course(site, "Payante", "payante", price_xaf=7500)
    assert "7\xa0500" in get(signed_in, "/fr/").replace("\u202f", "\xa0")

    paid = CoursePage.objects.get(pk=paid.pk)
    paid.price_xaf = 9000
    paid.save_revision().publish()

    html = get(signed_in, "/fr/").replace("\u202f", "\xa0")
    assert "9\xa0000" in section(html, "home-pricing")
    assert "9\xa0000" in section(html, "home-newest")
    assert "7\xa0500" not in html


def test_a_renamed_category_shows_on_the_next_view(signed_in, site):
    shown = course(site, "Teint parfait", "teint")
    assert shown.category.name in section(get(signed_in, "/fr/"), "home-categories")

    category = CourseCategory.objects.get(pk=shown.category_id)
    category.name = "Mise en beauté"
    category.save()

    assert "Mise en beauté" in section(get(signed_in, "/fr/"), "home-categories")


def test_a_professional_certified_after_a_view_shows_on_the_next_one(signed_in, site):
    certified(site, "Salon Awa")
    assert "Salon Awa" in section(get(signed_in, "/fr/"), "home-pros")

    certified(site, "Salon Bella")

    assert "Salon Bella" in section(get(signed_in, "/fr/"), "home-pros")


def test_a_professional_who_leaves_the_directory_leaves_the_next_view(signed_in, site):
    leaving = certified(site, "Salon Awa")
    assert "Salon Awa" in section(get(signed_in, "/fr/"), "home-pros")

    page = ProfessionalPage.objects.get(pk=leaving.pk)
    page.unpublish()
    sync_listing(professional=page)

    assert "Salon Awa" not in section(get(signed_in, "/fr/"), "home-pros")
