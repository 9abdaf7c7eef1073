"""An instructor never sees another instructor's draft titles anywhere in the admin."""

from django.urls import reverse
from wagtail.log_actions import log

from ..shared_build import built_once_per_module
from .builders import build_site, make_course, make_instructor

SECRET = "Tresses secrètes"


def build_site_with_a_secret_draft():
    """Awa's unpublished course, which she created and edited, and Ben, another instructor
    (built once per module: tests/shared_build.py)."""
    site = build_site()
    awa, awa_page = make_instructor("awa@example.cm", index=site["instructors"], title="Awa")
    ben, ben_page = make_instructor("ben@example.cm", index=site["instructors"], title="Ben")
    draft = make_course(
        site["catalogue"], awa_page, title=SECRET, slug="tresses-secretes", live=False
    )
    log(instance=draft, action="wagtail.create", user=awa)
    log(instance=draft, action="wagtail.edit", user=awa)
    site.update(awa=awa, ben=ben, draft=draft)
    return site


site = built_once_per_module(build_site_with_a_secret_draft, "site")


def as_ben(client, site, url):
    client.force_login(site["ben"])
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_admin_search_hides_others_drafts(client, site):
    assert SECRET not in as_ben(client, site, "/admin/pages/search/?q=secr%C3%A8tes")
    assert SECRET not in as_ben(client, site, "/admin/pages/search/results/?q=Tresses")


def test_admin_pages_api_hides_others_drafts(client, site):
    catalogue = site["catalogue"].pk
    assert SECRET not in as_ben(client, site, "/admin/api/main/pages/?search=Tresses")
    assert SECRET not in as_ben(client, site, f"/admin/api/main/pages/?child_of={catalogue}")
    assert SECRET not in as_ben(
        client, site, f"/admin/api/main/pages/?child_of={catalogue}&for_explorer=1"
    )
    assert SECRET not in as_ben(client, site, "/admin/api/main/pages/?order=-id")


def test_admin_pages_api_refuses_the_draft_itself(client, site):
    client.force_login(site["ben"])

    response = client.get(f"/admin/api/main/pages/{site['draft'].pk}/")

    assert response.status_code == 404
    assert SECRET not in response.content.decode()


def test_site_history_hides_others_drafts(client, site):
    assert SECRET not in as_ben(client, site, reverse("wagtailadmin_reports:site_history"))
    assert SECRET not in as_ben(client, site, reverse("wagtailadmin_reports:site_history_results"))


def test_page_history_of_others_draft_is_refused(client, site):
    client.force_login(site["ben"])

    response = client.get(reverse("wagtailadmin_pages:history", args=[site["draft"].pk]))

    assert response.status_code in (302, 403)
    assert SECRET not in response.content.decode()


def test_page_chooser_hides_others_drafts(client, site):
    assert SECRET not in as_ben(client, site, "/admin/choose-page/search/?q=Tresses")
    assert SECRET not in as_ben(client, site, f"/admin/choose-page/{site['catalogue'].pk}/")


def test_dashboard_hides_others_drafts(client, site):
    assert SECRET not in as_ben(client, site, "/admin/")


def test_the_author_still_sees_her_draft_everywhere(client, site):
    client.force_login(site["awa"])

    assert SECRET in client.get("/admin/pages/search/?q=Tresses").content.decode()
    assert SECRET in client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert SECRET in client.get("/admin/api/main/pages/?search=Tresses").content.decode()
