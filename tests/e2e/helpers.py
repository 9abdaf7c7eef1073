"""What every browser journey does: run once per language, log in (site or admin),
and translate the content a test builds, the way wagtail-localize would."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.blocks import StreamValue
from wagtail.users.models import UserProfile

from demo.loaders import site as home_demo

from ..conftest import PASSWORD

# Each journey runs once in French and once in English: the browser asks for the
# language (Accept-Language), the site answers under /fr/ or /en/.
BOTH_LANGUAGES = pytest.mark.parametrize(
    "e2e_locale", [pytest.param("fr-FR", id="fr"), pytest.param("en-GB", id="en")]
)


def language_of(e2e_locale):
    return e2e_locale.split("-")[0]


def url_path(live_server, path):
    """The address of `path` on the live server, query string allowed."""
    return re.compile("^" + re.escape(live_server.url + path) + r"(\?.*)?$")


def log_in_on_the_form(page, email):
    """Fill allauth's login form already on screen (login page or ?next= redirect)."""
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("button[type=submit], input[type=submit]").last.click()


def log_in(live_server, page, email, language):
    page.goto(f"{live_server.url}/{language}/accounts/login/")
    log_in_on_the_form(page, email)
    expect(page).to_have_url(url_path(live_server, f"/{language}/account/"))


def admin_log_in(live_server, page, email):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    expect(page).to_have_url(url_path(live_server, "/admin/"))


def prefer_admin_language(user, language):
    """What a person sets under Account → Preferences in the Wagtail admin."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])


def _translated(value, texts):
    if isinstance(value, str):
        return texts.get(value, value)
    if isinstance(value, list):
        return [_translated(item, texts) for item in value]
    if isinstance(value, dict):
        return {key: _translated(item, texts) for key, item in value.items()}
    return value


def translate_lesson(lesson, locale, texts, **fields):
    """Publish a translation of a lesson whose body text goes through `texts`, keeping
    every block id as wagtail-localize does (quiz answers are keyed by those ids)."""
    translated = home_demo.translate_page(lesson, locale, **fields)
    raw = _translated(list(lesson.body.raw_data), texts)
    translated.body = StreamValue(lesson.body.stream_block, raw, is_lazy=True)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated
