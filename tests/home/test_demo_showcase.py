"""load_demo ends with demo.loaders.showcase: the home page has steps, featured courses
and certified professionals to show."""

import pytest

from certificates.models import Certificate
from demo.loaders.showcase import load as load_showcase
from directory.models import ProfessionalListing
from home.models import HomePage

from ..directory.builders import make_professional
from .builders import course, cover
from .test_home_page_sections import section

pytestmark = pytest.mark.django_db


def test_the_showcase_fills_the_home_page_and_loading_it_twice_changes_nothing(client, site):
    course(site, "Gratuite", "gratuite", cover_image=cover("g"))
    course(site, "Payante", "payante", price_xaf=5000, cover_image=cover("p"))
    pro = make_professional(site["index"], "Salon Awa", slug="pro-01", services=[("makeup", 9000)])

    load_showcase()
    load_showcase()

    home = HomePage.objects.get(pk=site["home"].pk)
    assert [block.value.title for block in home.featured_courses] == ["Payante", "Gratuite"]
    assert len(home.how_it_works) == 3
    assert ProfessionalListing.objects.get(pk=pro.pk).is_certified
    assert Certificate.objects.filter(user=pro.user).count() == 1
    assert "Salon Awa" in section(client.get("/fr/").content.decode(), "home-pros")
    assert "Learn on your phone" in section(client.get("/en/").content.decode(), "home-steps")
