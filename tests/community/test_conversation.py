"""Each group has one conversation (messaging's "group" context): its members share it,
its seats follow who is in the group, and nobody else gets in."""

from community import membership
from messaging import services
from messaging.models import Participant

from .conftest import add_member, make_group


def test_members_open_the_groups_one_conversation(client, people):
    group = make_group(people)
    add_member(group, people["classmate"])
    client.force_login(people["founder"])
    first = client.get(f"/fr/groups/{group.pk}/conversation/")
    client.force_login(people["classmate"])
    second = client.get(f"/en/groups/{group.pk}/conversation/")
    assert first.status_code == second.status_code == 302
    assert first["Location"].split("/")[-2] == second["Location"].split("/")[-2]
    chat = client.get(second["Location"])
    assert chat.status_code == 200 and "Tresses Douala" in chat.text


def test_nobody_outside_the_group_gets_in(client, people):
    group = make_group(people)
    client.force_login(people["stranger"])
    assert client.get(f"/fr/groups/{group.pk}/conversation/").status_code == 404


def test_seats_follow_the_members(people):
    group = make_group(people)
    add_member(group, people["classmate"])
    chat = services.start_or_get_conversation(people["founder"], None, "group", group.pk)
    membership.join(user=people["stranger"], group=group)
    services.send_text(user=people["stranger"], conversation=chat, text="Bonjour à toutes !")
    membership.leave(user=people["classmate"], group=group)
    services.send_text(user=people["founder"], conversation=chat, text="Bienvenue Paul")
    seats = {
        seat.user_id: seat.left_at is None for seat in Participant.objects.filter(conversation=chat)
    }
    assert seats == {
        people["founder"].pk: True,
        people["stranger"].pk: True,
        people["classmate"].pk: False,
    }
