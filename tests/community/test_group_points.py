"""Learning points inside a study group: off by default, shown only when the owner opts
in, and then only to the group's members (and moderators), never to a visitor."""

import pytest

from community.models import Group
from enrolment.motivation import services as motivation

from .conftest import add_member, address, make_group, shows

pytestmark = pytest.mark.django_db

POINTS = "120 points"


@pytest.fixture
def group(people):
    group = make_group(people)  # an open group: anyone may read its members
    add_member(group, people["classmate"])
    for lesson_id in range(12):
        motivation.award(user_id=people["founder"].pk, source="lesson", source_id=lesson_id)
    return group


def opt_in(client, people, group, shown="1", language="fr"):
    client.force_login(people["founder"])
    return client.post(f"/{language}/groups/{group.pk}/points/", {"shown": shown}, follow=True)


def test_points_are_hidden_until_the_owner_shows_them(client, people, group):
    client.force_login(people["classmate"])

    assert not shows(client.get(address(group)), POINTS)


def test_the_owner_shows_points_and_members_see_them(client, people, group):
    response = opt_in(client, people, group)

    assert shows(response, "Les membres voient maintenant les points d'apprentissage des autres.")
    assert Group.objects.get(pk=group.pk).shows_points
    client.force_login(people["classmate"])
    page = client.get(address(group, "en"))
    assert shows(page, POINTS) and shows(page, "0 points")


def test_a_visitor_of_an_open_group_never_sees_points(client, people, group):
    opt_in(client, people, group)
    client.force_login(people["stranger"])

    assert not shows(client.get(address(group)), POINTS)
    client.logout()
    assert not shows(client.get(address(group)), POINTS)


def test_a_moderator_sees_them_once_shown(client, people, group):
    opt_in(client, people, group)
    client.force_login(people["moderator"])

    assert shows(client.get(address(group)), POINTS)


def test_the_owner_hides_them_again(client, people, group):
    opt_in(client, people, group)
    opt_in(client, people, group, shown="0")

    client.force_login(people["classmate"])
    assert not shows(client.get(address(group)), POINTS)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Seul le propriétaire du groupe ou un modérateur peut changer ce réglage."),
        ("en", "Only the group's owner or a moderator can change this setting."),
    ],
)
def test_a_member_cannot_change_the_setting(client, people, group, language, message):
    client.force_login(people["classmate"])

    response = client.post(f"/{language}/groups/{group.pk}/points/", {"shown": "1"})

    assert response.status_code == 403 and shows(response, message)
    assert not Group.objects.get(pk=group.pk).shows_points


def test_a_visitor_cannot_change_the_setting(client, people, group):
    response = client.post(f"/fr/groups/{group.pk}/points/", {"shown": "1"})

    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not Group.objects.get(pk=group.pk).shows_points
