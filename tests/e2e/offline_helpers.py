"""What the offline journeys share: wait for the service worker, and read which lessons
the phone keeps whole."""

from playwright.sync_api import expect

SAVED_LESSON_IDS = """async () => {
  const names = (await caches.keys()).filter((name) => name.startsWith("bsa-saved-"));
  const ids = [];
  for (const name of names) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      if (path.startsWith("/offline-saved/")) {
        const response = await cache.match(request);  // the worker may be deleting it
        const record = response ? await response.json() : {};
        if (record.complete) ids.push(record.id);
      }
    }
  }
  return ids.sort((a, b) => a - b);
}"""


def controlled(page, language="fr"):
    """Waits until the site's service worker controls the page (first visit: reload once)."""
    page.evaluate("navigator.serviceWorker.ready")
    if not page.evaluate("Boolean(navigator.serviceWorker.controller)"):
        page.reload()
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.wait_for_function("Boolean(navigator.serviceWorker.controller)")


def saved_lesson_ids(page):
    return page.evaluate(SAVED_LESSON_IDS)
