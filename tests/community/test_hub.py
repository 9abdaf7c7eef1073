"""The community's front door: one menu link, then every way to learn together, in
French and English; the parts for members only are shown to members only."""

import pytest

from ..conftest import make_person

pytestmark = pytest.mark.django_db


def test_the_menu_leads_to_the_community_page(client):
    assert 'href="/fr/community/"' in client.get("/fr/groups/").text
    assert 'href="/en/community/"' in client.get("/en/groups/").text


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", ["entraide", "Communauté"]), ("en", ["Study groups", "Community"])],
)
def test_a_visitor_sees_the_open_parts_only(client, language, words):
    page = client.get(f"/{language}/community/")
    assert page.status_code == 200
    assert f'href="/{language}/groups/"' in page.text
    assert f'href="/{language}/challenges/"' in page.text
    for members_only in ("forums", "mentors", "following"):
        assert f'href="/{language}/{members_only}/"' not in page.text
    assert all(word in page.text for word in words)


def test_a_member_sees_every_part(client):
    client.force_login(make_person("awa@example.cm"))
    page = client.get("/fr/community/")
    for part in ("groups", "forums", "challenges", "mentors", "following"):
        assert f'href="/fr/{part}/"' in page.text
