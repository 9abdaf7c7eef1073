"""Voting, role by role: a signed-in member votes once per challenge, never for her own
entry, until the deadline; a vote is final (the page says so). Counts stay hidden until
the results are frozen. Each refusal is translated and stores nothing."""

import pytest

from community.models import Entry, Vote

from .challenges_kit import close, enter, post, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(people):
    challenge = post(people)
    return (
        challenge,
        enter(challenge, people["founder"], caption="Tresses de Nadia"),
        enter(challenge, people["classmate"], caption="Tresses de Linda"),
    )


def cast(client, entry, language):
    return client.post(f"/{language}/challenges/entries/{entry.pk}/vote/")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_member_votes_once_and_the_vote_is_final(client, people, entries, language):
    challenge, nadia, linda = entries
    client.force_login(people["graduate"])
    page = text(client.get(f"/{language}/challenges/{challenge.pk}/"))
    assert {
        "fr": "un vote est définitif et ne peut pas être déplacé",
        "en": "a vote is final and can't be moved",
    }[language] in page
    response = cast(client, nadia, language)
    assert response.status_code == 302 and response["Location"].endswith(f"#e{nadia.pk}")
    assert Vote.objects.get().entry == nadia

    again = cast(client, linda, language)
    assert again.status_code == 403
    assert {
        "fr": "Vous avez déjà voté dans ce défi. Un vote est définitif : il ne peut pas être déplacé.",
        "en": "You have already voted in this challenge. A vote is final: it can't be moved.",
    }[language] in text(again)
    assert cast(client, nadia, language).status_code == 403
    assert Vote.objects.count() == 1 and Vote.objects.get().entry == nadia


@pytest.mark.parametrize("language", ["fr", "en"])
def test_nobody_votes_for_her_own_entry(client, people, entries, language):
    challenge, nadia, linda = entries
    client.force_login(people["founder"])
    response = cast(client, nadia, language)
    assert response.status_code == 403
    assert {
        "fr": "Vous ne pouvez pas voter pour votre propre participation.",
        "en": "You can't vote for your own entry.",
    }[language] in text(response)
    assert not Vote.objects.exists()
    # Her own entry may still vote for another.
    assert cast(client, linda, language).status_code == 302


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_vote_after_the_deadline(client, people, entries, language):
    challenge, nadia, linda = entries
    close(challenge)
    client.force_login(people["graduate"])
    response = cast(client, nadia, language)
    assert response.status_code == 403
    assert {
        "fr": "Le vote est clos : la date limite est passée.",
        "en": "Voting is closed: the deadline has passed.",
    }[language] in text(response)
    assert not Vote.objects.exists()


def test_a_visitor_signs_in_to_vote(client, people, entries):
    challenge, nadia, linda = entries
    response = cast(client, nadia, "fr")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    page = text(client.get(f"/fr/challenges/{challenge.pk}/"))
    assert "Connectez-vous pour participer et voter." in page
    assert not Vote.objects.exists()


def test_a_hidden_entry_takes_no_votes(client, people, entries):
    challenge, nadia, linda = entries
    Entry.objects.filter(pk=nadia.pk).update(visibility=Entry.Visibility.WAITING)
    client.force_login(people["graduate"])
    # Hidden from the others: it can't even be found.
    assert cast(client, nadia, "en").status_code == 404
    client.force_login(people["moderator"])
    response = cast(client, nadia, "en")
    assert response.status_code == 403
    assert "This entry is hidden while a moderator looks at it: it takes no votes." in text(
        response
    )
    assert not Vote.objects.exists()


def test_counts_stay_hidden_until_the_results_are_frozen(client, people, entries):
    challenge, nadia, linda = entries
    client.force_login(people["graduate"])
    cast(client, nadia, "en")
    page = text(client.get(f"/en/challenges/{challenge.pk}/"))
    assert "1 vote" not in page and "Your vote" in page
    assert "Vote for this entry" not in page  # no second vote offered
    close(challenge)
    from community.challenges import results

    results.freeze(challenge.pk)
    page = text(client.get(f"/en/challenges/{challenge.pk}/"))
    assert "Rank 1 · 1 vote" in page
