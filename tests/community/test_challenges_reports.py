"""Entries and challenges are reported through the community's reports: once per
person, hidden at the threshold until a moderator decides; a hidden entry is shown to
nobody but its author and moderators, and takes no votes."""

import pytest

from community import reports
from community.models import Challenge, Entry, ModerationCase

from .challenges_kit import crowd, enter, post, text

pytestmark = pytest.mark.django_db


def report(client, person, kind, obj, language="fr"):
    client.force_login(person)
    return client.post(
        f"/{language}/groups/report/{kind}/{obj.pk}/", {"reason": "abuse", "note": "Pas correct"}
    )


def test_an_entry_reported_three_times_is_hidden_and_takes_no_votes(client, people):
    challenge = post(people)
    entry = enter(challenge, people["founder"], caption="Photo volée")
    for person in (people["classmate"], people["graduate"], people["stranger"]):
        response = report(client, person, "challenge_entry", entry)
        assert response.status_code == 302
        assert response["Location"] == f"/fr/challenges/{challenge.pk}/#e{entry.pk}"
    assert Entry.objects.get().visibility == Entry.Visibility.WAITING
    voter = crowd(1)[0]
    client.force_login(voter)
    assert "Photo volée" not in text(client.get(f"/en/challenges/{challenge.pk}/"))
    assert client.post(f"/en/challenges/entries/{entry.pk}/vote/").status_code == 404
    assert client.get(f"/en/challenges/entries/{entry.pk}/after.webp").status_code == 404
    client.force_login(people["founder"])
    own = text(client.get(f"/en/challenges/{challenge.pk}/"))
    assert "Photo volée" in own and "Hidden from others while a moderator looks at it." in own
    case = ModerationCase.objects.get(kind="challenge_entry")
    reports.decide(moderator=people["moderator"], case=case, remove=False)
    assert Entry.objects.get().is_visible


def test_the_author_cannot_report_her_own_entry(client, people):
    entry = enter(post(people), people["founder"])
    response = report(client, people["founder"], "challenge_entry", entry, "en")
    assert response.status_code == 400
    assert "You can't report what you posted yourself." in text(response)
    assert not ModerationCase.objects.exists()


def test_a_hidden_challenge_is_gone_for_members(client, people):
    challenge = post(people)
    for person in (people["classmate"], people["graduate"], people["stranger"]):
        assert report(client, person, "challenge", challenge).status_code == 302
    assert Challenge.objects.get().visibility == Challenge.Visibility.WAITING
    client.force_login(people["founder"])
    assert client.get(f"/fr/challenges/{challenge.pk}/").status_code == 404
    assert "Tresses collées du week-end" not in text(client.get("/fr/challenges/"))
    client.force_login(people["moderator"])
    assert client.get(f"/fr/challenges/{challenge.pk}/").status_code == 200
