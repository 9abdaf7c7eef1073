"""axe-core (npm, installed by `make system-deps`) run inside Chromium on the public
pages at phone width, in French and English: no serious or critical violation."""

import pytest

from ..conftest import REPO_ROOT_AXE
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BLOCKING = {"serious", "critical"}


@pytest.fixture
def axe_page(e2e_browser):
    if not REPO_ROOT_AXE.exists():
        pytest.skip(f"axe-core is missing at {REPO_ROOT_AXE}: run `make system-deps`")
    # The page's CSP refuses injected scripts; axe is ours, not the site's.
    context = e2e_browser.new_context(viewport={"width": 360, "height": 800}, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def public_paths(db):
    site = build_site()
    _, instructor = make_instructor("aicha@example.cm", index=site["instructors"], title="Aïcha")
    course = make_course(
        site["catalogue"], instructor, title="Maquillage de mariée", price_xaf=5000
    )
    make_lesson(
        course,
        title="Préparer la peau",
        slug="preparer",
        is_preview=True,
        body=[("paragraph", "<p>Hydratez la peau.</p>")],
    )
    return [
        "/fr/",
        "/en/",
        site["catalogue"].url,
        site["catalogue_en"].url,
        instructor.url,
        course.url,
        course.url + "preparer/",
        "/fr/accounts/login/",
        "/en/accounts/signup/",
        "/fr/accounts/password/reset/",
        "/fr/page-introuvable/",
    ]


def violations(page, url):
    page.goto(url)
    page.add_script_tag(path=str(REPO_ROOT_AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{url}: {violation['id']} ({violation['impact']}) at {node['target']}"
        for violation in result["violations"]
        if violation["impact"] in BLOCKING
        for node in violation["nodes"]
    ]


def test_public_pages_have_no_serious_accessibility_violations(live_server, axe_page, public_paths):
    found = [line for path in public_paths for line in violations(axe_page, live_server.url + path)]

    assert found == []
