"""Practice sessions: a member plans one (a time in Douala, a place or online), members
say whether they come; bad times and places are refused with nothing stored."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community.models import PracticeSession, Rsvp

from .conftest import add_member, address, make_group, shows


@pytest.fixture
def group(people):
    group = make_group(people)
    add_member(group, people["classmate"])
    return group


def plan(client, group, language="fr", **data):
    day = timezone.localdate() + timedelta(days=7)
    fields = {
        "title": "Knotless sur tête malléable",
        "day": day.isoformat(),
        "time": "10:00",
        "place": "Salon Akwa, rue Joss",
    }
    fields.update(data)
    return client.post(f"/{language}/groups/{group.pk}/sessions/new/", fields)


def test_a_member_plans_a_session_at_a_douala_time_and_others_answer(client, people, group):
    client.force_login(people["founder"])
    assert plan(client, group).status_code == 302
    session = PracticeSession.objects.get()
    local = timezone.localtime(session.starts_at, timezone.get_fixed_timezone(60))
    assert (local.hour, local.minute) == (10, 0)  # Douala is UTC+1 all year
    client.force_login(people["classmate"])
    client.post(f"/fr/groups/sessions/{session.pk}/answer/", {"going": "yes"})
    client.post(f"/fr/groups/sessions/{session.pk}/answer/", {"going": "no"})
    assert Rsvp.objects.get(user=people["classmate"]).going is False
    page = client.get(address(group))
    assert shows(page, "1 personne vient · Nadia M.") and shows(page, "Vous ne venez pas.")
    assert shows(page, "10:00") and shows(page, "Salon Akwa, rue Joss")


def test_an_online_session_needs_no_place(client, people, group):
    client.force_login(people["founder"])
    plan(client, group, "en", place="", online="on")
    session = PracticeSession.objects.get()
    assert session.online and session.place == ""
    assert shows(client.get(f"/en/groups/{group.pk}-{group.slug}/calendar/"), "Online")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"place": ""}, "Give the place where you meet, or tick “online”."),
        ({"title": ""}, "Say what you will practise."),
        ({"day": "2020-01-01"}, "Choose a time in the future."),
        ({"day": "pas une date"}, "Enter a valid date."),
        ({"title": "x" * 20_000}, "This text can be 120 characters at most; it has 20,000."),
    ],
)
def test_bad_sessions_are_refused_and_nothing_is_stored(client, people, group, data, message):
    client.force_login(people["founder"])
    response = plan(client, group, "en", **data)
    assert response.status_code == 400 and shows(response, message)
    assert not PracticeSession.objects.exists()


def test_only_members_plan_and_answer(client, people, group):
    client.force_login(people["founder"])
    plan(client, group)
    session = PracticeSession.objects.get()
    client.force_login(people["stranger"])
    assert plan(client, group).status_code == 403
    refused = client.post(f"/fr/groups/sessions/{session.pk}/answer/", {"going": "yes"})
    assert refused.status_code == 403 and shows(
        refused, "Rejoignez le groupe pour dire si vous venez."
    )
    assert not Rsvp.objects.filter(user=people["stranger"]).exists()
