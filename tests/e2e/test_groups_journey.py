"""A student on a 360x800 phone, in French and in English: she finds the local study
group in Douala by its town, joins it, and shares a local supplier on its wall."""

import re

import pytest
from playwright.sync_api import expect

from community.models import Resource

from ..community.conftest import build_community_site, make_group
from .helpers import BOTH_LANGUAGES, language_of, log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NAME = {"fr": "Tresses Akwa", "en": "Braids Douala"}


@pytest.fixture
def groups(db):
    site = build_community_site()
    make_group(site, name="Maquillage Yaoundé", town="yaounde", is_open=False)
    make_group(site, name="Tresses Akwa")
    make_group(site, name="Braids Douala", language="en")
    return site


@BOTH_LANGUAGES
def test_student_finds_the_douala_group_joins_and_shares_a_supplier(
    live_server, page, screenshot, groups, e2e_locale
):
    language = language_of(e2e_locale)
    log_in(live_server, page, "linda@example.cm", language)

    # Find the local chapter by town from the main menu.
    page.goto(f"{live_server.url}/{language}/")
    page.click("nav.main-nav a[href$='/community/']")
    page.click("ul.hub-doors a[href$='/groups/']")
    page.locator("details.filters summary").click()
    page.select_option("select[name=town]", "douala")
    page.select_option("select[name=language]", language)
    page.locator("details.filters button[type=submit]").click()
    card = page.locator("li.group-card a")
    expect(card).to_have_count(1)
    expect(card).to_contain_text(NAME[language])
    screenshot(f"80-groups-douala-{language}")
    card.click()
    expect(page.locator("main h1")).to_have_text(NAME[language])

    # Join, then share a supplier with a phone.
    page.locator("form[action$='/join/'] button").click()
    expect(page.locator("a[href$='/conversation/']")).to_be_visible()
    screenshot(f"81-group-joined-{language}")
    page.click("a[href$='/share/']")
    page.check("input[name=kind][value=supplier]")
    page.fill("input[name=supplier_name]", "Chez Mama Rose, Marché Central")
    page.select_option("select[name=supplier_town]", "douala")
    page.fill("input[name=supplier_phone]", "6 77 12 34 56")
    page.fill("textarea[name=text]", "Mèches X-pression, 1 500 FCFA le paquet.")
    screenshot(f"82-share-supplier-{language}")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/{language}/groups/\d+-[\w-]+/#r\d+$"))
    resource = page.locator("li.resource", has_text="Chez Mama Rose")
    expect(resource.locator("a[href='tel:+237677123456']")).to_be_visible()
    screenshot(f"83-group-wall-{language}")
    assert Resource.objects.get().author.email == "linda@example.cm"
