"""Group conversations (the community issue registers the study-group context): one
conversation per group, seats following the group's members, read marks per person."""

import pytest

from messaging import contexts, services
from messaging.errors import NotAllowed
from messaging.models import Conversation, Participant

MEMBERS = {}


@pytest.fixture
def study_group(people):
    MEMBERS["7"] = {people["student"].pk, people["client"].pk, people["other"].pk}
    contexts.register(
        contexts.ConversationContext(
            kind="study-group",
            may_write=lambda user, object_id, other: False,
            title=lambda object_id: "Tresses Akwa",
            members=lambda object_id: MEMBERS.get(object_id, set()),
        )
    )
    yield "7"
    contexts.unregister("study-group")
    MEMBERS.clear()


def test_members_share_one_conversation(people, study_group):
    first = services.start_or_get_conversation(people["student"], None, "study-group", "7")
    again = services.start_or_get_conversation(people["client"], None, "study-group", "7")
    assert first.pk == again.pk and first.is_group
    assert set(first.participants.values_list("user_id", flat=True)) == MEMBERS["7"]


def test_a_non_member_cannot_join_or_write(people, study_group):
    with pytest.raises(NotAllowed):
        services.start_or_get_conversation(people["stranger"], None, "study-group", "7")
    assert not Conversation.objects.exists()


def test_seats_follow_the_group_and_unread_counts_are_per_person(client, people, study_group):
    group = services.start_or_get_conversation(people["student"], None, "study-group", "7")
    services.send_text(user=people["student"], conversation=group, text="Rendez-vous samedi ?")
    unread = dict(group.participants.values_list("user_id", "unread_count"))
    assert unread == {people["student"].pk: 0, people["client"].pk: 1, people["other"].pk: 1}

    # Grace leaves the group, Paul joins: the next message follows the members.
    MEMBERS["7"] = {people["student"].pk, people["client"].pk, people["stranger"].pk}
    services.send_text(user=people["client"], conversation=group, text="Oui !")
    left = Participant.objects.get(conversation=group, user=people["other"])
    assert left.left_at is not None
    with pytest.raises(NotAllowed):
        services.send_text(user=people["other"], conversation=group, text="Et moi ?")

    client.force_login(people["stranger"])
    page = client.get(f"/fr/messages/{group.pk}/")
    assert page.status_code == 200 and "Oui !" in page.text
    assert "Tresses Akwa" in page.text
    client.force_login(people["other"])
    assert client.get(f"/fr/messages/{group.pk}/").status_code == 404


def test_the_kept_header_count_follows_a_seat_left_and_taken_back(client, people, study_group):
    """The header's count is kept between pages (messaging/header_count.py): leaving the
    group takes its unread messages out of it at once, coming back puts them back."""
    group = services.start_or_get_conversation(people["student"], None, "study-group", "7")
    services.send_text(user=people["student"], conversation=group, text="Rendez-vous samedi ?")
    client.force_login(people["other"])
    assert "data-unread-count>1</span>" in client.get("/fr/").text

    MEMBERS["7"] = {people["student"].pk, people["client"].pk}
    services.start_or_get_conversation(people["student"], None, "study-group", "7")
    assert "data-unread-count hidden>0</span>" in client.get("/fr/").text

    MEMBERS["7"] = {people["student"].pk, people["client"].pk, people["other"].pk}
    services.start_or_get_conversation(people["student"], None, "study-group", "7")
    assert "data-unread-count>1</span>" in client.get("/fr/").text
