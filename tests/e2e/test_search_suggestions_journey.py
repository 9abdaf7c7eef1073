"""Search suggestions in the browser, on a 360x800 phone: typing "tresse" in the
catalogue's box opens a list of suggestions ("Chignon tressé", a course; "Tresses", a
service of the directory); the arrow keys and Enter open one. In English, the
directory's box suggests the town "Yaoundé" for "yaou"."""

import re

import pytest
from playwright.sync_api import expect

from ..course_pages.builders import build_site, make_course, make_instructor
from ..directory.builders import build_directory, make_professional

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def suggestion_site(db):
    site = build_site()
    site.update(build_directory())
    _user, teacher = make_instructor("awa@example.cm", index=site["instructors"], title="Awa")
    make_course(site["catalogue"], teacher, title="Chignon tressé", slug="chignon-tresse")
    make_professional(site["index"], "Salon Tressé d'Or", town="douala", categories=["braiding"])
    return site


def test_typing_opens_suggestions_and_enter_opens_one(
    live_server, page, screenshot, suggestion_site
):
    page.goto(live_server.url + "/fr/formations/")
    box = page.locator("input[name=q]")
    box.press_sequentially("tresse", delay=60)

    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option").first).to_contain_text("Chignon tressé")
    expect(listbox).to_contain_text("Salon Tressé d'Or")
    expect(listbox).to_contain_text("Tresses")
    screenshot("22-search-suggestions-open")

    box.press("ArrowDown")
    expect(listbox.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r".*/fr/formations/chignon-tresse/$"))


@pytest.mark.parametrize("e2e_locale", ["en-GB"])
def test_directory_box_suggests_a_town_in_english(live_server, page, suggestion_site, e2e_locale):
    page.goto(live_server.url + "/en/professionals/")
    box = page.locator("input[name=q]")
    box.press_sequentially("yaou", delay=60)

    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox.get_by_role("option").filter(has_text="Yaoundé")).to_contain_text("Town")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
