"""Joining an open group, asking to join the others, the owner's answer, leaving, and
handing the group over."""

import pytest

from community.models import Group, Membership

from .conftest import add_member, address, make_group, shows

Status = Membership.Status


def test_anyone_logged_in_joins_an_open_group(client, people):
    group = make_group(people)
    client.force_login(people["stranger"])
    response = client.post(f"/fr/groups/{group.pk}/join/")
    assert response.status_code == 302
    assert group.memberships.get(user=people["stranger"]).status == Status.MEMBER
    page = client.get(address(group))
    assert shows(page, "Bienvenue dans le groupe !") and shows(page, "Conversation du groupe")


@pytest.mark.parametrize(
    "language, message",
    [
        ("fr", "Ce groupe accueille les nouveaux membres sur demande."),
        (
            "en",
            "This group accepts new members on request. Ask to join, and the owner will answer.",
        ),
    ],
)
def test_joining_a_closed_group_without_approval_is_refused(client, people, language, message):
    group = make_group(people, is_open=False)
    client.force_login(people["stranger"])
    response = client.post(f"/{language}/groups/{group.pk}/join/")
    assert response.status_code == 403 and shows(response, message)
    assert not group.memberships.filter(user=people["stranger"]).exists()


def test_the_owner_approves_a_request_and_the_person_becomes_a_member(client, people):
    group = make_group(people, is_open=False)
    client.force_login(people["stranger"])
    client.post(f"/en/groups/{group.pk}/ask/")
    asked = group.memberships.get(user=people["stranger"])
    assert asked.status == Status.REQUESTED
    assert shows(client.get(address(group)), "Vous avez demandé à rejoindre le groupe.")
    # Asking twice changes nothing.
    again = client.post(f"/en/groups/{group.pk}/ask/")
    assert again.status_code == 400 and shows(again, "You have already asked to join.")

    # Another member may not answer; the owner does.
    add_member(group, people["classmate"])
    client.force_login(people["classmate"])
    refused = client.post(f"/en/groups/{group.pk}/requests/{asked.pk}/", {"decision": "approve"})
    assert refused.status_code == 403
    client.force_login(people["founder"])
    page = client.get(address(group))
    assert shows(page, "Paul I.") and shows(page, "Demandes pour rejoindre")
    client.post(f"/fr/groups/{group.pk}/requests/{asked.pk}/", {"decision": "approve"})
    asked.refresh_from_db()
    assert asked.status == Status.MEMBER and asked.decided_at is not None


def test_a_moderator_declines_a_request(client, people):
    group = make_group(people, is_open=False)
    asked = Membership.objects.create(group=group, user=people["stranger"], status=Status.REQUESTED)
    client.force_login(people["moderator"])
    client.post(f"/fr/groups/{group.pk}/requests/{asked.pk}/", {"decision": "decline"})
    asked.refresh_from_db()
    assert asked.status == Status.DECLINED
    # Declined, the person may ask again later.
    client.force_login(people["stranger"])
    client.post(f"/fr/groups/{group.pk}/ask/")
    asked.refresh_from_db()
    assert asked.status == Status.REQUESTED


def test_members_leave_but_the_owner_hands_over_first(client, people):
    group = make_group(people)
    add_member(group, people["classmate"])
    client.force_login(people["founder"])
    refused = client.post(f"/en/groups/{group.pk}/leave/")
    assert refused.status_code == 403
    assert shows(refused, "You own this group: hand it over to another member before you leave.")
    assert group.memberships.filter(user=people["founder"]).exists()

    handed = client.post(f"/en/groups/{group.pk}/hand-over/", {"member": people["classmate"].pk})
    assert handed.status_code == 302
    group.refresh_from_db()
    assert group.owner == people["classmate"]
    client.post(f"/en/groups/{group.pk}/leave/")
    assert not group.memberships.filter(user=people["founder"]).exists()


def test_the_group_is_handed_only_to_a_member(client, people):
    group = make_group(people)
    client.force_login(people["founder"])
    response = client.post(f"/fr/groups/{group.pk}/hand-over/", {"member": people["stranger"].pk})
    assert response.status_code == 400
    assert shows(response, "Choisissez un membre du groupe comme nouvelle personne responsable.")
    group.refresh_from_db()
    assert group.owner == people["founder"]
    client.force_login(people["stranger"])
    assert (
        client.post(
            f"/fr/groups/{group.pk}/hand-over/", {"member": people["stranger"].pk}
        ).status_code
        == 403
    )


def test_an_owner_alone_leaves_and_the_group_ends(client, people):
    group = make_group(people)
    client.force_login(people["founder"])
    response = client.post(f"/fr/groups/{group.pk}/leave/")
    assert response.status_code == 302 and response["Location"] == "/fr/groups/"
    assert not Group.objects.filter(pk=group.pk).exists()
