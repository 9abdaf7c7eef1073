"""The "Saved for offline" page: the same for everybody (the phone fills it from its own
storage), in both languages, kept by the service worker so it opens offline."""

import json

import pytest
from django.templatetags.static import static

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def worker_config(client):
    first_line = client.get("/sw.js").content.split(b"\n", 1)[0].decode()
    return json.loads(first_line.removeprefix("self.BSA_OFFLINE = ").rstrip(";"))


@pytest.mark.parametrize(
    "path, heading",
    [("/fr/offline/saved/", "Enregistré hors ligne"), ("/en/offline/saved/", "Saved for offline")],
)
def test_the_page_is_public_and_names_itself_in_each_language(client, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert static("js/offline.js") in html


def test_a_signed_in_person_gets_the_same_page_as_a_visitor(client, student):
    visitor = client.get("/fr/offline/saved/")
    client.force_login(student)

    signed_in = client.get("/fr/offline/saved/")

    assert "public" in signed_in["Cache-Control"]
    assert signed_in.content == visitor.content


def test_the_worker_keeps_the_page_and_what_saved_lessons_need(client):
    precache = worker_config(client)["precache"]

    assert {"/fr/offline/saved/", "/en/offline/saved/"} <= set(precache)
    assert {static("js/offline.js"), static("js/player.js")} <= set(precache)


def test_the_settings_speak_french(client):
    html = client.get("/fr/offline/saved/").content.decode()

    assert "Enregistrer les vidéos seulement en Wi-Fi" in html
    assert "250 Mo" in html
    assert f"Espace utilisé sur ce téléphone{NBSP}: {{used}}" in html


@pytest.mark.parametrize("path", ["/fr/offline/saved/", "/fr/offline/", "/en/offline/saved/"])
def test_the_shared_pages_ask_nobody_to_log_in(client, student, path):
    """Kept once for everybody on the phone: a signed-in student opening it offline must
    not be told to log in, so the menu has no account links at all."""
    for signed_in in (False, True):
        if signed_in:
            client.force_login(student)

        html = client.get(path).content.decode()

        for words in ("Se connecter", "Log in", "Créer un compte", "Sign up", "Mon compte"):
            assert words not in html, (path, words)
        assert "/accounts/login/" not in html
