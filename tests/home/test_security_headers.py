"""Every public answer carries the security headers; the Wagtail admin keeps working."""

import pytest

pytestmark = pytest.mark.django_db


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_page_sends_a_script_policy_without_inline_code(client, site_pages):
    response = client.get("/fr/")

    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_public_page_sends_the_other_security_headers(client, site_pages):
    response = client.get("/en/")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_policy_reused_for_plain_answers_is_the_one_django_csp_builds(client, site_pages):
    rendered = client.get("/fr/")
    from_cache = client.get("/fr/")
    admin = client.get("/admin/login/")

    assert from_cache["X-Page-Cache"] == "hit"
    assert from_cache["Content-Security-Policy"] == rendered["Content-Security-Policy"]
    assert csp_directives(admin)["script-src"] != csp_directives(rendered)["script-src"]
    # A view's own policy still wins: the API's documentation allows inline styles.
    docs = csp_directives(client.get("/api/v1/docs/"))
    assert "'unsafe-inline'" in docs["style-src"]
    assert "'unsafe-inline'" not in csp_directives(rendered)["style-src"]


def test_public_pages_have_no_inline_scripts(client, site_pages):
    for path in ("/fr/", "/en/", "/fr/accounts/login/", "/fr/accounts/signup/"):
        html = client.get(path).content.decode()
        for tag in html.split("<script")[1:]:
            assert "src=" in tag.split(">")[0], f"inline script on {path}"


def test_public_forms_may_post_only_to_the_site_or_the_card_checkout(client, site_pages):
    response = client.get("/fr/accounts/login/")

    assert csp_directives(response)["form-action"] == ["'self'", "https://checkout.stripe.com"]


def test_admin_login_still_works_under_its_own_policy(client, site_pages):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert response["X-Frame-Options"] == "DENY"


def test_admin_editor_sends_the_admin_policy(client, site_pages, moderator):
    from wagtail.models import Page

    client.force_login(moderator)
    home = Page.objects.get(depth=2, locale__language_code="fr")

    response = client.get(f"/admin/pages/{home.pk}/edit/")

    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["frame-ancestors"] == ["'self'"]
    assert "blob:" in directives["img-src"]


def test_session_cookie_is_http_only_and_login_needs_csrf(site_pages):
    from django.test import Client

    from ..conftest import PASSWORD, make_person

    make_person("awa@example.cm")
    strict = Client(enforce_csrf_checks=True)
    refused = strict.post("/fr/accounts/login/", {"login": "awa@example.cm", "password": PASSWORD})
    assert refused.status_code == 403
    assert "sessionid" not in refused.cookies

    strict.get("/fr/accounts/login/")
    token = strict.cookies["csrftoken"].value
    accepted = strict.post(
        "/fr/accounts/login/",
        {"login": "awa@example.cm", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert accepted.status_code == 302
    assert accepted.cookies["sessionid"]["httponly"]
