"""axe-core (npm, installed by `make system-deps`) run inside Chromium on the public
pages at phone width, in French and English: no serious or critical violation."""

import pytest

from certificates.models import Certificate

from ..certificates.conftest import build_certificate_course, complete_course
from ..conftest import REPO_ROOT_AXE, make_person
from ..course_pages.builders import make_course, make_lesson
from ..directory.builders import build_directory, make_professional

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BLOCKING = {"serious", "critical"}
# The 404 page is checked too; every other page must answer 200 (not an error page).
NOT_FOUND = "/fr/page-introuvable/"


@pytest.fixture
def axe_page(e2e_browser):
    if not REPO_ROOT_AXE.exists():
        pytest.skip(f"axe-core is missing at {REPO_ROOT_AXE}: run `make system-deps`")
    # The page's CSP refuses injected scripts; axe is ours, not the site's.
    context = e2e_browser.new_context(viewport={"width": 360, "height": 800}, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def public_paths(db, django_capture_on_commit_callbacks):
    # The certificates' builder: the bilingual site, Aïcha and a free course to complete.
    site = build_certificate_course()
    instructor = site["teacher_page"]
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
    # A graduate who now takes clients: her profile shows the certificate badge.
    graduate = make_person(
        "linda@example.cm", first_name="Linda", last_name="Tchoua", is_student=True
    )
    complete_course(graduate, site, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(user=graduate)
    directory = build_directory()
    professional = make_professional(
        directory["index"],
        "Linda Beauté",
        user=graduate,
        services=[("braiding", 10000), ("makeup", 15000)],
        categories=["braiding", "makeup"],
        bio="Tresses et maquillage à Bonapriso.",
    )
    return [
        directory["index"].url,
        directory["index_en"].url + "?q=braiding",
        professional.url,
        professional.get_translation(site["en"]).url,
        certificate.get_verify_url("fr"),
        certificate.get_verify_url("en"),
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
        NOT_FOUND,
    ]


def violations(page, url):
    response = page.goto(url)
    expected = 404 if url.endswith(NOT_FOUND) else 200
    if response.status != expected:
        return [f"{url}: HTTP {response.status}, expected {expected}"]
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
