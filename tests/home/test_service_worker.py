"""The service worker: served from the root with what it must know of this deployment,
small, keeping only public pages, and registered from every page."""

import json

import pytest
from django.templatetags.static import static

from core import service_worker

pytestmark = pytest.mark.django_db

WORKER_BUDGET = 15_000  # bytes, issue 18


def worker_config(script):
    first_line = script.split(b"\n", 1)[0].decode()
    assert first_line.startswith("self.BSA_OFFLINE = ")
    return json.loads(first_line.removeprefix("self.BSA_OFFLINE = ").rstrip(";"))


def test_the_worker_script_is_at_most_15_kb(client):
    response = client.get("/sw.js")

    print(f"service worker: {len(response.content)} bytes (budget {WORKER_BUDGET})")
    assert len(response.content) <= WORKER_BUDGET


def test_the_worker_keeps_its_push_section_and_gains_offline_copies(client):
    script = client.get("/sw.js").content

    assert b'addEventListener("push"' in script
    assert b'addEventListener("fetch"' in script
    assert b'addEventListener("activate"' in script


def test_the_worker_knows_the_offline_pages_and_the_core_static_files(client):
    config = worker_config(client.get("/sw.js").content)

    assert config["offline"] == {"fr": "/fr/offline/", "en": "/en/offline/"}
    assert static("css/site.css") in config["precache"]
    assert static("js/app.js") in config["precache"]
    assert len(config["version"]) == 12
    for page in config["offline"].values():
        assert client.get(page).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/fr/accounts/login/",
        "/en/account/",
        "/fr/checkout/",
        "/fr/teach/",
        "/en/learn/",
        "/fr/messages/",
        "/fr/notifications/",
        "/notifications/push/subscribe/",
        "/lesson-media/images/x.webp",
        "/fr/bookings/",
    ],
)
def test_private_addresses_are_never_kept(client, path):
    prefixes = worker_config(client.get("/sw.js").content)["privatePrefixes"]

    assert any(path.startswith(prefix) for prefix in prefixes)


@pytest.mark.parametrize("path", ["/fr/", "/en/courses/", "/fr/formations/x/", "/fr/offline/"])
def test_public_pages_are_not_under_a_private_prefix(client, path):
    prefixes = worker_config(client.get("/sw.js").content)["privatePrefixes"]

    assert not any(path.startswith(prefix) for prefix in prefixes)


def test_the_cache_version_follows_the_deployment(settings):
    service_worker._cached_worker.cache_clear()
    before = worker_config(service_worker._build_worker())["version"]
    settings.STATIC_URL = "/assets/"
    after = worker_config(service_worker._build_worker())["version"]
    service_worker._cached_worker.cache_clear()

    assert before != after


def test_signed_in_pages_are_marked_so_the_worker_keeps_none(client, site_pages):
    from ..conftest import make_person

    client.force_login(make_person("awa@example.cm"))
    response = client.get("/fr/")

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_every_page_registers_the_worker_for_visitors_too(client, site_pages):
    page = client.get("/fr/").content.decode()

    assert f'<script src="{static("js/app.js")}" defer></script>' in page


def test_an_unchanged_worker_answers_304_to_the_browsers_update_check(client):
    """Chromium asks for the worker again on the pages a phone opens: an unchanged one
    costs a few hundred bytes. Same file for everyone, signed in or not: no Vary on the
    cookie or the language, which would make the browser fetch it whole again."""
    first = client.get("/sw.js")
    assert "Cookie" not in first.get("Vary", "")
    assert "Accept-Language" not in first.get("Vary", "")

    again = client.get("/sw.js", headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert again["Cache-Control"] == "public, no-cache"


def test_pages_and_the_worker_go_out_gzipped_to_browsers_that_accept_it(client):
    worker = client.get("/sw.js", headers={"Accept-Encoding": "gzip, deflate, br"})
    plain = client.get("/sw.js")

    assert worker["Content-Encoding"] == "gzip"
    assert len(worker.content) < len(plain.content) / 2
    assert "Content-Encoding" not in plain
