"""A deleted account: what it shared stays as "deleted account", its memberships,
answers and reports go, and nothing personal stays."""

from datetime import timedelta

from django.utils import timezone

from community import calendar, wall
from community.models import Membership, Resource, ResourceRevision, Rsvp

from .conftest import add_member, address, make_group, shows


def test_what_a_deleted_account_shared_shows_deleted_account(client, people):
    group = make_group(people)
    add_member(group, people["classmate"])
    linda = people["classmate"]
    resource = wall.post_resource(user=linda, group=group, kind="tip", text="Le beurre de karité")
    wall.edit_resource(user=linda, resource=resource, text="Le beurre de karité pur")
    session = calendar.plan_session(
        user=linda,
        group=group,
        title="Vanilles",
        starts_at=timezone.now() + timedelta(days=2),
        place="Salon Bonamoussadi",
    )
    linda.delete()

    resource.refresh_from_db()
    assert resource.author is None and ResourceRevision.objects.get().edited_by is None
    assert not Membership.objects.filter(user_id=linda.pk).exists()
    assert not Rsvp.objects.filter(user_id=linda.pk).exists()
    session.refresh_from_db()
    assert session.planned_by is None
    page = client.get(address(group, "en"))
    assert shows(page, "Deleted account") and shows(page, "Le beurre de karité pur")
    assert "Linda" not in page.text and "Tchoua" not in page.text
    assert shows(client.get(address(group)), "Compte supprimé")


def test_a_deleted_owner_leaves_a_group_a_moderator_hands_over(client, people):
    group = make_group(people)
    add_member(group, people["classmate"])
    people["founder"].delete()
    group.refresh_from_db()
    assert group.owner is None and Resource.objects.count() == 0
    client.force_login(people["moderator"])
    client.post(f"/fr/groups/{group.pk}/hand-over/", {"member": people["classmate"].pk})
    group.refresh_from_db()
    assert group.owner == people["classmate"]
