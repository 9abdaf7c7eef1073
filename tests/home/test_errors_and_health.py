import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error


@pytest.mark.django_db
def test_404_is_styled_and_translated(client, site_pages):
    french = client.get("/fr/pas-une-page/")
    english = client.get("/en/not-a-page/")

    assert french.status_code == 404 and english.status_code == 404
    assert "Page introuvable" in french.content.decode()
    assert "Page not found" in english.content.decode()
    assert "/static/css/site.css" in english.content.decode()


def test_500_is_styled_and_translated():
    request = RequestFactory().get("/fr/")
    with translation.override("fr"):
        french = server_error(request)
    with translation.override("en"):
        english = server_error(request)

    assert french.status_code == 500
    assert "Un problème est survenu" in french.content.decode()
    assert "Something went wrong" in english.content.decode()


@pytest.mark.django_db
def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


@pytest.mark.django_db
def test_healthz_names_a_failing_cache(client, settings):
    # A cache that keeps nothing is a cache that fails the check.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["checks"]["cache"].startswith("failing")
