"""A publish drops the page, the catalogue and the home page from the cache in front,
in every language, each once and after commit: real PURGE requests to a local fake of
nginx's purge listener (core.frontend_purge)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from core.frontend_purge import purge_paths
from tests.course_pages.builders import build_site, make_course, make_instructor
from tests.shared_build import built_once_per_module

site = built_once_per_module(build_site, "site")
PUBLIC = "https://academy.example"


class FakePurgeListener(BaseHTTPRequestHandler):
    """nginx's purge server: 200 for a page it held, 404 otherwise."""

    received = []

    def do_PURGE(self):
        FakePurgeListener.received.append(
            (self.path, self.headers["Host"], self.headers["X-Edge-Variant"])
        )
        self.send_response(200 if self.path.startswith("/fr/") else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_listener():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakePurgeListener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    FakePurgeListener.received = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def frontend_cache(location):
    return override_settings(
        WAGTAILADMIN_BASE_URL=PUBLIC,
        WAGTAILFRONTENDCACHE={
            "nginx": {"BACKEND": "core.frontend_purge.NginxPurgeBackend", "LOCATION": location}
        },
        WAGTAILFRONTENDCACHE_LANGUAGES=[],
    )


def purged_paths():
    return sorted({path for path, _host, _variant in FakePurgeListener.received})


def test_publishing_a_course_purges_it_and_the_pages_that_list_it(
    site, purge_listener, django_capture_on_commit_callbacks
):
    _user, awa = make_instructor("awa@example.cm", index=site["instructors"])
    course = make_course(site["catalogue"], awa)
    FakePurgeListener.received = []

    with frontend_cache(purge_listener), django_capture_on_commit_callbacks(execute=True):
        course.title = "Maquillage de mariée, 2e édition"
        course.save_revision().publish()

    # The English catalogue and home page list the French courses not yet translated.
    assert purged_paths() == sorted(
        {
            course.url,
            site["catalogue"].url,
            site["home"].url,
            site["catalogue_en"].url,
            site["home_en"].url,
        }
    )
    assert len(FakePurgeListener.received) == 2 * len(purged_paths())  # each once
    # Both copies nginx keeps of each page, asked on the public host.
    assert {(host, variant) for _path, host, variant in FakePurgeListener.received} == {
        ("academy.example", "light"),
        ("academy.example", "saver"),
    }


def test_unpublishing_a_course_purges_it_and_the_catalogue(
    site, purge_listener, django_capture_on_commit_callbacks
):
    _user, awa = make_instructor("awa@example.cm", index=site["instructors"])
    course = make_course(site["catalogue"], awa)
    url = course.url
    FakePurgeListener.received = []

    with frontend_cache(purge_listener), django_capture_on_commit_callbacks(execute=True):
        course.unpublish()

    assert {url, site["catalogue"].url} <= set(purged_paths())


def test_without_a_front_cache_a_publish_sends_nothing(
    site, purge_listener, django_capture_on_commit_callbacks
):
    _user, awa = make_instructor("awa@example.cm", index=site["instructors"])
    course = make_course(site["catalogue"], awa)

    with django_capture_on_commit_callbacks(execute=True):
        course.save_revision().publish()
    purge_paths(["/fr/formations/"])

    assert FakePurgeListener.received == []


def test_any_change_can_purge_the_paths_it_shows(site, purge_listener):
    with frontend_cache(purge_listener):
        purge_paths(["/fr/annuaire/", "/fr/annuaire/", f"{PUBLIC}/en/directory/"])

    # Each path once per variant; a page nginx did not hold (404) is not an error.
    assert sorted(FakePurgeListener.received) == [
        ("/en/directory/", "academy.example", "light"),
        ("/en/directory/", "academy.example", "saver"),
        ("/fr/annuaire/", "academy.example", "light"),
        ("/fr/annuaire/", "academy.example", "saver"),
    ]


def test_a_purge_listener_that_is_down_does_not_stop_a_publish(
    site, django_capture_on_commit_callbacks, caplog
):
    _user, awa = make_instructor("awa@example.cm", index=site["instructors"])
    course = make_course(site["catalogue"], awa)

    with frontend_cache("http://127.0.0.1:9"), django_capture_on_commit_callbacks(execute=True):
        course.title = "Nouveau titre"
        course.save_revision().publish()

    course.refresh_from_db()
    assert course.title == "Nouveau titre" and course.live
    assert "could not purge" in caplog.text
