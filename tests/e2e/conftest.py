"""Browser harness for tests/e2e: Playwright (sync API) driving Debian's Chromium.

No browser is downloaded: Playwright launches /usr/bin/chromium. The Django live
server runs in a thread of this process, so mail sent by the site (locmem backend)
lands in ``django.core.mail.outbox`` where the test can read it.

While Playwright runs, its asyncio loop counts as *running* in this thread, even
between sync calls. Two consequences, both handled by ``e2e_playwright``:

* Django refuses ORM calls from a thread with a running loop
  (SynchronousOnlyOperation) unless DJANGO_ALLOW_ASYNC_UNSAFE is set.
* ``django.db.connections`` is an ``asgiref.local.Local(thread_critical=True)``: with
  a running loop it switches to a separate, empty storage, so test code would get a
  *new* connection object -- not the one the test database was set up on (which
  carries ``_test_serialized_contents`` for serialized_rollback) nor the one shared
  with the live server thread. The fixture puts the original connections back.

Playwright lives for the tests/e2e package only, so tests collected after it
run without a loop marked as running.
"""

import os
import shutil
from pathlib import Path

import pytest

# Shared with the booking tests: a professional open every day, a service and a client.
from ..booking.conftest import booking_site  # noqa: F401

CHROMIUM = os.environ.get("BSA_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A cheap Android phone.
E2E_VIEWPORT = {"width": 360, "height": 800}
E2E_TIMEOUT_MS = 15_000

REPO_ROOT = Path(__file__).resolve().parents[2]
E2E_ARTIFACTS = REPO_ROOT / "test-artifacts" / "e2e"


def _chromium_missing():
    return not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM))


@pytest.fixture(scope="package")
def e2e_playwright(django_db_setup):
    if _chromium_missing():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    originals = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            for alias, connection in originals.items():
                connections[alias] = connection
            yield playwright


@pytest.fixture(scope="package")
def e2e_browser(e2e_playwright):
    browser = e2e_playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def e2e_locale():
    """The browser's language; override in a test module to change it."""
    return "fr-FR"


def _phone(browser, locale):
    context = browser.new_context(
        viewport=E2E_VIEWPORT,
        locale=locale,
        extra_http_headers={"Accept-Language": f"{locale},{locale.split('-')[0]};q=0.9"},
    )
    context.set_default_timeout(E2E_TIMEOUT_MS)
    return context


@pytest.fixture
def e2e_context(e2e_browser, e2e_locale):
    context = _phone(e2e_browser, e2e_locale)
    yield context
    context.close()


@pytest.fixture
def page(e2e_context):
    page = e2e_context.new_page()
    yield page
    page.close()


@pytest.fixture
def other_page(e2e_browser, e2e_locale):
    """A second person's phone (their own cookies), same screen and language."""
    context = _phone(e2e_browser, e2e_locale)
    yield context.new_page()
    context.close()


@pytest.fixture
def screenshot(page):
    """screenshot("name") saves test-artifacts/e2e/<name>.png at the page's viewport,
    and fails if the page is wider than the phone's screen (sideways scrolling).
    screenshot("name", of=other_page) shows another person's phone."""
    E2E_ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(name, of=None):
        shown = of or page
        path = E2E_ARTIFACTS / f"{name}.png"
        shown.screenshot(path=str(path))
        overflow = shown.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name}: the page is {overflow}px wider than the screen ({path})"
        return path

    return take
