"""The site installs as an app: one manifest per language, icons, and the offline
start page the service worker keeps."""

import json

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from ..conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("fr", "Beauty Skills Academy\u00a0: formations beauté"),
        ("en", "Beauty Skills Academy: beauty courses"),
    ],
)
def test_each_language_has_its_manifest(client, language, name):
    response = client.get(f"/{language}/manifest.webmanifest")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert "public" in response["Cache-Control"]
    manifest = json.loads(response.content)
    assert manifest["name"] == name
    assert manifest["short_name"]
    assert manifest["lang"] == language
    assert manifest["start_url"] == f"/{language}/"
    assert manifest["scope"] == "/"
    assert manifest["id"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#8a1c4a"
    assert manifest["background_color"] == "#ffffff"


def test_the_manifest_icons_exist_at_their_sizes(client):
    manifest = json.loads(client.get("/fr/manifest.webmanifest").content)

    purposes = set()
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon["src"]
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]
            assert image.format == "PNG"
        purposes.add((icon["sizes"], icon["purpose"]))
    assert purposes >= {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}


def test_a_signed_in_person_gets_the_same_public_manifest(client):
    client.force_login(make_person("awa@example.cm"))
    response = client.get("/fr/manifest.webmanifest")

    assert "public" in response["Cache-Control"]
    assert "private" not in response["Cache-Control"]


def test_pages_link_the_manifest_of_their_language(client, site_pages):
    page = client.get("/en/").content.decode()

    assert '<link rel="manifest" href="/en/manifest.webmanifest">' in page
    assert 'rel="apple-touch-icon"' in page
    assert '<meta name="theme-color" content="#8a1c4a">' in page


@pytest.mark.parametrize(
    ("language", "heading"), [("fr", "Vous êtes hors ligne"), ("en", "You are offline")]
)
def test_the_offline_page_speaks_the_language_of_its_address(client, language, heading):
    response = client.get(f"/{language}/offline/")

    assert response.status_code == 200
    assert heading in response.content.decode()
    assert "public" in response["Cache-Control"]


def test_the_offline_page_shows_nothing_of_the_signed_in_person(client, site_pages):
    awa = make_person("awa@example.cm", first_name="Awa")
    client.force_login(awa)
    response = client.get("/fr/offline/")

    page = response.content.decode()
    assert "private" not in response["Cache-Control"]
    assert "data-push-key" not in page
    assert "/fr/messages/" not in page
    assert awa.email not in page


def test_the_manifest_refuses_a_post(client):
    assert client.post("/fr/manifest.webmanifest").status_code == 405
