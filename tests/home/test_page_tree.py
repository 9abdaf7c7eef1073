import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage


class PageTreeRules(WagtailPageTestCase):
    def test_home_page_sits_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_pages_sit_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})


@pytest.mark.django_db
def test_demo_content_loads_once(site_pages):
    from demo.loaders import site as demo

    demo.load()

    assert HomePage.objects.count() == 2
    assert StandardPage.objects.count() == 8


@pytest.mark.django_db
def test_site_page_query_count_is_small(client, site_pages, django_assert_max_num_queries):
    client.get("/fr/faq/")
    with django_assert_max_num_queries(15):
        client.get("/fr/faq/")
