"""The people concerned are told, in their language, through the notification centre:
the owner of a request to join, the person of the answer, the new owner of a group."""

from community.models import Membership
from notifications.models import Notification

from .conftest import add_member, make_group


def told(user, kind):
    return list(Notification.objects.filter(user=user, kind=kind).values_list("title", flat=True))


def test_a_request_tells_the_owner_and_the_answer_tells_the_person(
    client, people, django_capture_on_commit_callbacks
):
    group = make_group(people, is_open=False)
    people["stranger"].preferred_language = "en"
    people["stranger"].save()
    client.force_login(people["stranger"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/groups/{group.pk}/ask/")
    asked = group.memberships.get(user=people["stranger"])
    client.force_login(people["founder"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/groups/{group.pk}/requests/{asked.pk}/", {"decision": "approve"})

    assert told(people["founder"], "group_join_requested") == [
        f"Paul Inconnu demande à rejoindre «\u00a0{group.name}\u00a0»"
    ]
    assert told(people["stranger"], "group_request_answered") == [f"Welcome to “{group.name}”"]
    assert (
        Notification.objects.get(user=people["stranger"]).url
        == f"/en/groups/{group.pk}-{group.slug}/"
    )


def test_the_new_owner_is_told(client, people, django_capture_on_commit_callbacks):
    group = make_group(people)
    add_member(group, people["classmate"])
    client.force_login(people["founder"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/groups/{group.pk}/hand-over/", {"member": people["classmate"].pk})

    assert group.memberships.filter(user=people["classmate"], status=Membership.Status.MEMBER)
    assert len(told(people["classmate"], "group_handed_over")) == 1
