"""A private ("ask to join") group's wall and calendar, from the outside, role by role:
members and moderators read them; anonymous visitors, strangers, people who only asked
and the academy's instructors get a 404 (the group's page shows only what it is)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community import calendar, wall
from community.models import Membership

from .conftest import add_member, address, make_group, photo_upload

SECRET = "Le grossiste de mèches de Mvog-Mbi fait -20 % le lundi."


@pytest.fixture
def private_group(people):
    group = make_group(people, name="Maquillage Yaoundé", town="yaounde", is_open=False)
    add_member(group, people["classmate"])
    Membership.objects.create(group=group, user=people["stranger"], status="requested")
    resource = wall.post_resource(
        user=people["founder"], group=group, kind="tip", text=SECRET, uploads=[photo_upload()]
    )
    session = calendar.plan_session(
        user=people["founder"],
        group=group,
        title="Teint mariée",
        starts_at=timezone.now() + timedelta(days=3),
        place="Salon Bastos",
    )
    return group, resource, session


def addresses(group, resource, session):
    photo = resource.photos.get()
    return {
        "wall": f"/fr/groups/{group.pk}-{group.slug}/wall/",
        "calendar": f"/en/groups/{group.pk}-{group.slug}/calendar/",
        "photo": f"/fr/groups/photos/{photo.pk}/small.webp",
        "edit": f"/fr/groups/resources/{resource.pk}/edit/",
        "report": f"/fr/groups/report/resource/{resource.pk}/",
    }


@pytest.mark.parametrize("who", ["stranger", "teacher", "graduate"])
def test_outsiders_get_404_inside_a_private_group(client, people, private_group, who):
    group, resource, session = private_group
    client.force_login(people[who])
    for name, url in addresses(*private_group).items():
        assert client.get(url).status_code == 404, name
    assert (
        client.post(f"/fr/groups/sessions/{session.pk}/answer/", {"going": "yes"}).status_code
        == 404
    )
    page = client.get(address(group))
    assert page.status_code == 200 and SECRET not in page.content.decode()
    assert "Teint mariée" not in page.content.decode()


def test_anonymous_visitors_see_only_what_the_group_is(client, people, private_group):
    group, resource, session = private_group
    for name, url in addresses(*private_group).items():
        assert client.get(url).status_code in (302, 404), name
    assert client.get(f"/fr/groups/{group.pk}-{group.slug}/wall/").status_code == 404
    page = client.get(address(group)).content.decode()
    assert "Maquillage Yaoundé" in page and SECRET not in page


@pytest.mark.parametrize("who", ["founder", "classmate", "moderator"])
def test_members_and_moderators_read_the_wall_and_calendar(client, people, private_group, who):
    group, resource, session = private_group
    client.force_login(people[who])
    urls = addresses(*private_group)
    assert SECRET in client.get(urls["wall"]).content.decode()
    assert "Teint mariée" in client.get(urls["calendar"]).content.decode()
    assert client.get(urls["photo"])["Content-Type"] == "image/webp"
    assert SECRET in client.get(address(group)).content.decode()


def test_an_open_groups_wall_is_readable_by_everyone(client, people):
    group = make_group(people)
    wall.post_resource(user=people["founder"], group=group, kind="tip", text="Hydratez la veille.")
    assert "Hydratez la veille." in client.get(f"/fr/groups/{group.pk}-{group.slug}/wall/").text
    client.force_login(people["stranger"])
    assert "Hydratez la veille." in client.get(address(group)).text
    # Reading is not posting: the share form is for members.
    assert client.get(f"/fr/groups/{group.pk}/share/").status_code == 403


def test_anonymous_visitors_see_an_open_groups_photos(client, people):
    group = make_group(people)
    resource = wall.post_resource(
        user=people["founder"], group=group, kind="photo", uploads=[photo_upload()]
    )
    photo = resource.photos.get()
    assert client.get(f"/fr/groups/photos/{photo.pk}/small.webp").status_code == 200
