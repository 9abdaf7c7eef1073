"""Browser harness for tests/e2e: Playwright (sync API) driving Debian's Chromium.

No browser is downloaded: Playwright launches /usr/bin/chromium. The Django live
server runs in a thread of this process, so mail sent by the site (locmem backend)
lands in ``django.core.mail.outbox`` where the test can read it.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio loop in this thread; Django would otherwise
# refuse ORM calls made from the test (SynchronousOnlyOperation).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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


@pytest.fixture(scope="session")
def e2e_playwright():
    if _chromium_missing():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def e2e_browser(e2e_playwright):
    browser = e2e_playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def e2e_locale():
    """The browser's language; override in a test module to change it."""
    return "fr-FR"


@pytest.fixture
def e2e_context(e2e_browser, e2e_locale):
    context = e2e_browser.new_context(
        viewport=E2E_VIEWPORT,
        locale=e2e_locale,
        extra_http_headers={"Accept-Language": f"{e2e_locale},{e2e_locale.split('-')[0]};q=0.9"},
    )
    context.set_default_timeout(E2E_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(e2e_context):
    page = e2e_context.new_page()
    yield page
    page.close()


@pytest.fixture
def screenshot(page):
    """screenshot("name") saves test-artifacts/e2e/<name>.png at the page's viewport,
    and fails if the page is wider than the phone's screen (sideways scrolling)."""
    E2E_ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(name):
        path = E2E_ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path))
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name}: the page is {overflow}px wider than the screen ({path})"
        return path

    return take
