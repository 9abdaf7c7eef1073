"""The editor's submit button names the moderation workflow in French."""

import pytest
from django.urls import reverse

from .builders import build_site, make_course, make_instructor

pytestmark = pytest.mark.django_db


def test_instructor_sees_the_workflow_name_in_french(client):
    site = build_site()
    awa, awa_page = make_instructor("awa@example.cm", index=site["instructors"], title="Awa")
    draft = make_course(site["catalogue"], awa_page, title="Nattes", slug="nattes", live=False)
    client.force_login(awa)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()

    assert "Validation par les modérateurs" in html
    assert "Moderators approval" not in html
