"""The OpenAPI 3.1 schema validates and describes every endpoint; the docs page runs
on our own static files."""

import re

import pytest
from django.urls import URLPattern, URLResolver
from drf_spectacular.validation import validate_schema

from api import urls as api_urls

pytestmark = pytest.mark.django_db


def _v1_paths():
    """Every documented route of api/urls.py, in the schema's notation."""
    resolver = next(p for p in api_urls.urlpatterns if isinstance(p, URLResolver))
    paths = set()
    for pattern in resolver.url_patterns:
        assert isinstance(pattern, URLPattern)
        route = re.sub(r"<\w+:(\w+)>", r"{\1}", str(pattern.pattern)).replace("{pk}", "{id}")
        if route not in ("schema/", "docs/"):
            paths.add(f"/api/v1/{route}")
    return paths


def test_schema_is_valid_openapi_3_1_listing_every_endpoint(api):
    response = api.get("/api/v1/schema/?format=json")
    schema = response.json()

    validate_schema(schema)
    assert schema["openapi"] == "3.1.0"
    assert set(schema["paths"]) == _v1_paths()
    courses = schema["paths"]["/api/v1/courses/"]["get"]
    assert {"q", "category", "level", "price", "max_price", "language", "sort", "cursor"} <= {
        parameter["name"] for parameter in courses["parameters"]
    }
    assert "application/problem+json" in courses["responses"]["404"]["content"]


def test_docs_page_uses_our_own_static_files(api):
    page = api.get("/api/v1/docs/")
    html = page.content.decode()
    script = api.get("/api/v1/docs/?script=")

    assert page.status_code == 200
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn" not in html.lower()
    assert script.status_code == 200
    assert (
        api.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js").status_code
        == 200
    )
