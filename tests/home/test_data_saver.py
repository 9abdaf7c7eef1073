"""Data saver: on from the Save-Data header, a person's profile or a visitor's footer
switch; then pages send only the small, lighter image and say so in Vary."""

import pytest

from accounts.data_saver import COOKIE

from ..conftest import make_person
from ..shared_build import built_once_per_module
from .builders import build_home_site, course, cover


def build_catalogue_with_a_cover():
    site = build_home_site()
    course(site, "Tresses africaines", "tresses-africaines", cover_image=cover("tresses"))
    return site


catalogue = built_once_per_module(build_catalogue_with_a_cover, "catalogue")
CATALOGUE = "/fr/formations/"


def card_image(page):
    start = page.index('<li class="course-card">')
    return page[page.index("<img", start) : page.index(">", page.index("<img", start))]


def test_without_data_saver_the_card_offers_the_360_and_720_renditions(client, catalogue):
    response = client.get(CATALOGUE)

    img = card_image(response.content.decode())
    assert "360w" in img and "720w" in img
    assert "Save-Data" in response["Vary"] and "Cookie" in response["Vary"]


def test_the_save_data_header_sends_only_the_small_lighter_image(client, catalogue):
    response = client.get(CATALOGUE, headers={"Save-Data": "on"})

    img = card_image(response.content.decode())
    assert "srcset" not in img
    assert ".webp" in img
    assert "Save-Data" in response["Vary"]
    assert "Économiseur de données activé." in response.content.decode()


def test_a_visitor_turns_it_on_from_the_footer_and_off_again(client, catalogue):
    response = client.post("/fr/data-saver/", {"data_saver": "on", "next": CATALOGUE})

    assert response.status_code == 302 and response["Location"] == CATALOGUE
    assert client.cookies[COOKIE].value == "on"
    page = client.get(CATALOGUE).content.decode()
    assert "srcset" not in card_image(page)
    assert "Désactiver l'économiseur" in page

    client.post("/fr/data-saver/", {"data_saver": "off", "next": CATALOGUE})
    assert "720w" in card_image(client.get(CATALOGUE).content.decode())


@pytest.mark.parametrize("value", ["", "yes", "maybe"])
def test_a_bad_choice_is_refused_and_changes_nothing(client, catalogue, value):
    response = client.post("/fr/data-saver/", {"data_saver": value})

    assert response.status_code == 400
    assert (
        "Indiquez si l'économiseur de données est activé ou désactivé." in response.content.decode()
    )
    assert COOKIE not in client.cookies


def test_the_switch_never_sends_a_visitor_to_another_site(client, catalogue):
    response = client.post("/fr/data-saver/", {"data_saver": "on", "next": "https://evil.example/"})

    assert response["Location"] == "/fr/"


def test_the_switch_accepts_only_a_post(client, catalogue):
    assert client.get("/fr/data-saver/?data_saver=on").status_code == 405


def test_a_person_turns_it_on_in_her_profile(client, catalogue):
    awa = make_person("awa@example.cm")
    client.force_login(awa)
    form = client.get("/fr/account/profile/").content.decode()
    assert 'name="data_saver"' in form

    response = client.post(
        "/fr/account/profile/",
        {"first_name": "Awa", "last_name": "Ngo", "preferred_language": "fr", "data_saver": "on"},
    )

    assert response.status_code == 302
    awa.refresh_from_db()
    assert awa.data_saver
    page = client.get(CATALOGUE).content.decode()
    assert "srcset" not in card_image(page)
    assert "Modifier dans mon profil" in page


def test_a_bad_profile_form_leaves_the_setting_as_it_was(client, catalogue):
    awa = make_person("awa@example.cm")
    client.force_login(awa)

    response = client.post(
        "/fr/account/profile/",
        {"first_name": "Awa", "last_name": "Ngo", "preferred_language": "xx", "data_saver": "on"},
    )

    assert response.status_code == 200
    awa.refresh_from_db()
    assert not awa.data_saver


def test_pages_that_do_not_ask_for_it_do_not_vary_on_it(client, catalogue):
    response = client.get("/fr/manifest.webmanifest", headers={"Save-Data": "on"})

    assert "Save-Data" not in response.get("Vary", "")
