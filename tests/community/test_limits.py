"""New members post a few times a day, without links and with one photo per post, until
their first days are over or enough of their posts were accepted; everyone has an
hourly rate. Refusals are clear and store nothing."""

import pytest
from django.test import override_settings
from django.utils import timezone

from community import limits, wall
from community.errors import InvalidInput, TooFast
from community.models import Contribution, Resource

from ..conftest import make_person
from .conftest import add_member, make_group, photo_upload, shows


@pytest.fixture
def newcomer(people):
    """Signed up today, in an open group."""
    group = make_group(people)
    person = make_person("awa@example.cm", first_name="Awa", last_name="Nouvelle")
    add_member(group, person)
    return group, person


@override_settings(COMMUNITY_NEW_MEMBER_POSTS_PER_DAY=5)
def test_a_new_member_posts_five_times_a_day(client, people, newcomer):
    group, person = newcomer
    client.force_login(person)
    for number in range(5):
        response = client.post(
            f"/fr/groups/{group.pk}/share/", {"kind": "tip", "text": f"Astuce {number}"}
        )
        assert response.status_code == 302
    refused = client.post(f"/en/groups/{group.pk}/share/", {"kind": "tip", "text": "Une de plus"})
    assert refused.status_code == 400
    assert shows(refused, "New members can post 5 times a day during their first days.")
    assert Resource.objects.count() == 5


def test_a_new_member_posts_no_links(client, people, newcomer):
    group, person = newcomer
    client.force_login(person)
    refused = client.post(
        f"/fr/groups/{group.pk}/share/", {"kind": "tip", "text": "Promo sur www.meches.cm"}
    )
    assert refused.status_code == 400
    assert shows(refused, "Les nouveaux membres ne peuvent pas publier de liens")
    assert not Resource.objects.exists() and not Contribution.objects.filter(user=person).exists()


def test_a_new_member_posts_one_photo_at_a_time(client, people, newcomer):
    group, person = newcomer
    client.force_login(person)
    refused = client.post(
        f"/en/groups/{group.pk}/share/",
        {"kind": "photo", "photos": [photo_upload(), photo_upload("b.jpg")]},
    )
    assert refused.status_code == 400
    assert shows(refused, "New members can post one photo at a time. Keep one photo.")
    assert not Resource.objects.exists()
    accepted = client.post(
        f"/en/groups/{group.pk}/share/", {"kind": "photo", "photos": [photo_upload()]}
    )
    assert accepted.status_code == 302


@override_settings(COMMUNITY_TRUSTED_AFTER_POSTS=3, COMMUNITY_NEW_MEMBER_POSTS_PER_DAY=5)
def test_limits_rise_with_accepted_posts(people, newcomer):
    group, person = newcomer
    for number in range(3):
        wall.post_resource(user=person, group=group, kind="tip", text=f"Astuce {number}")
    assert not limits.is_new_member(person)
    wall.post_resource(user=person, group=group, kind="tip", text="Voir www.meches.cm")
    # A post a moderator hid for good no longer counts as accepted.
    Contribution.objects.filter(user=person).update(removed=True)
    assert limits.is_new_member(person)


def test_new_member_days_end(people, newcomer):
    group, person = newcomer
    person.date_joined = timezone.now() - timezone.timedelta(days=3, minutes=1)
    assert not limits.is_new_member(person)


@override_settings(COMMUNITY_POSTS_PER_HOUR=3)
def test_everyone_has_an_hourly_rate(people):
    group = make_group(people)
    for number in range(2):  # the group itself was the first post
        wall.post_resource(user=people["founder"], group=group, kind="tip", text=f"Tip {number}")
    with pytest.raises(TooFast):
        wall.post_resource(user=people["founder"], group=group, kind="tip", text="Encore")
    assert Resource.objects.count() == 2


def test_an_edit_by_a_new_member_cannot_slip_a_link_in(people, newcomer):
    group, person = newcomer
    resource = wall.post_resource(user=person, group=group, kind="tip", text="Astuce")
    with pytest.raises(InvalidInput):
        wall.edit_resource(user=person, resource=resource, text="Voir https://spam.example")
    resource.refresh_from_db()
    assert resource.text == "Astuce"
