"""The last steps of the community journey (the groups and forum journeys are the
first): on her phone, in French, a student goes from the menu's Community page to a
running challenge and enters it with a photo of her work; a classmate, in English,
votes for her entry once; at the deadline the results are frozen and she is the winner."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from community.challenges import results
from community.models import Entry, Vote

from ..community.challenges_kit import close, post
from ..community.conftest import build_community_site
from .helpers import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def challenge(db):
    return post(build_community_site())


@pytest.fixture
def work_photo(tmp_path):
    path = tmp_path / "tresses.jpg"
    Image.new("RGB", (1200, 900), "#8a1c4a").save(path, "JPEG")
    return str(path)


def test_student_enters_a_challenge_a_classmate_votes_and_she_wins(
    live_server, page, other_page, screenshot, challenge, work_photo
):
    # Linda finds the running challenge from the menu and enters it (French).
    log_in(live_server, page, "linda@example.cm", "fr")
    page.click("nav.main-nav a[href='/fr/community/']")
    screenshot("84-community-fr")
    page.click("ul.hub-doors a[href='/fr/challenges/']")
    page.click("text=Tresses collées du week-end")
    expect(page.locator("main h1")).to_have_text("Tresses collées du week-end")
    page.click("text=Participer au défi")
    page.set_input_files("input[name=photo]", work_photo)
    page.fill("textarea[name=caption], input[name=caption]", "Raies droites, 3 heures")
    screenshot("85-challenge-enter-fr")
    page.locator("form.community-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/fr/challenges/{challenge.pk}/"))
    expect(page.locator("text=Raies droites, 3 heures")).to_be_visible()
    entry = Entry.objects.get(author__email="linda@example.cm")

    # Carine votes for it, once (English).
    log_in(live_server, other_page, "carine@example.cm", "en")
    other_page.goto(f"{live_server.url}/en/challenges/{challenge.pk}/")
    other_page.locator(f"#e{entry.pk} button", has_text="Vote for this entry").click()
    expect(other_page.locator("text=You have voted in this challenge")).to_be_visible()
    expect(other_page.locator("button", has_text="Vote for this entry")).to_have_count(0)
    screenshot("86-challenge-voted-en", of=other_page)
    assert Vote.objects.get().entry == entry

    # At the deadline the task freezes the results: Linda wins.
    results.freeze(close(challenge).pk)
    page.reload()
    expect(page.locator("#winners")).to_contain_text("Linda")
    screenshot("87-challenge-winner-fr")
