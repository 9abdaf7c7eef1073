"""The admin home shows an instructor her courses and where each stands."""

import pytest
from wagtail.models import Page

from .builders import build_site, make_course, make_instructor

pytestmark = pytest.mark.django_db


def test_instructor_sees_her_courses_with_their_state(client):
    site = build_site()
    awa, awa_page = make_instructor("awa@example.cm", index=site["instructors"], title="Awa")
    ben, ben_page = make_instructor("ben@example.cm", index=site["instructors"], title="Ben")
    make_course(site["catalogue"], awa_page, title="Nattes en ligne", slug="nattes")
    make_course(site["catalogue"], awa_page, title="Tissage brouillon", slug="tissage", live=False)
    waiting = make_course(
        site["catalogue"], awa_page, title="Vanilles attendues", slug="vanilles", live=False
    )
    Page.objects.get(pk=waiting.pk).get_workflow().start(waiting, awa)
    make_course(site["catalogue"], ben_page, title="Cours de Ben", slug="ben", live=False)
    client.force_login(awa)

    html = client.get("/admin/").content.decode()

    assert "Mes formations" in html
    assert "Nattes en ligne" in html and "En ligne" in html
    assert "Tissage brouillon" in html and "Brouillon" in html
    assert "Vanilles attendues" in html and "En modération" in html
    assert "Cours de Ben" not in html


def test_moderators_do_not_get_the_instructor_panel(client, moderator):
    build_site()
    client.force_login(moderator)

    assert "Mes formations" not in client.get("/admin/").content.decode()
