"""Results frozen at the deadline by a Celery task: votes and rank kept on the entries,
the top three ranks win (ties share a rank), winners hear they won and the others that
the results are out, and running it again changes nothing. The task is scheduled for
the deadline when a challenge is posted, and the beat catches every overdue one."""

from unittest import mock

import pytest
from django.conf import settings

from community.challenges import results, tasks
from community.models import Challenge, Entry
from notifications.models import Notification

from .challenges_kit import close, crowd, enter, post, text, vote

pytestmark = pytest.mark.django_db


def test_ranks_share_ties_and_skip_after_them():
    assert results.ranks([(1, 5), (2, 5), (3, 4), (4, 2), (5, 2), (6, 0)]) == {
        1: 1,
        2: 1,
        3: 3,
        4: 4,
        5: 4,
        6: 6,
    }


@pytest.fixture
def voted(people):
    """Five entries; votes 3, 3, 2, 1, 0; the deadline just passed."""
    challenge = post(people)
    authors = [people["founder"], people["classmate"], people["graduate"], *crowd(2)]
    entries = [enter(challenge, author, caption=f"Entrée {n}") for n, author in enumerate(authors)]
    voters = crowd(9, start=10)
    plan = [0, 0, 0, 1, 1, 1, 2, 2, 3]
    for voter, target in zip(voters, plan, strict=True):
        vote(entries[target], voter)
    return close(challenge), entries


def test_freezing_ranks_marks_winners_and_tells_everyone(people, voted):
    challenge, entries = voted
    assert results.freeze(challenge.pk) == 3
    frozen = {entry.pk: entry for entry in Entry.objects.all()}
    assert [(frozen[e.pk].vote_count, frozen[e.pk].rank) for e in entries] == [
        (3, 1),
        (3, 1),
        (2, 3),
        (1, 4),
        (0, 5),
    ]
    assert [frozen[e.pk].is_winner for e in entries] == [True, True, True, False, False]
    won = Notification.objects.filter(kind="challenge_won")
    assert set(won.values_list("user", flat=True)) == {e.author_id for e in entries[:3]}
    told = Notification.objects.filter(kind="challenge_results")
    assert set(told.values_list("user", flat=True)) == {e.author_id for e in entries[3:]}
    nadia = won.get(user=people["founder"])
    assert "Tresses collées du week-end" in nadia.title
    assert nadia.url == f"/fr/challenges/{challenge.pk}/"


def test_freezing_twice_changes_nothing(voted):
    challenge, entries = voted
    results.freeze(challenge.pk)
    frozen_at = Challenge.objects.get().frozen_at
    before = list(Entry.objects.values_list("pk", "vote_count", "rank", "is_winner"))
    assert results.freeze(challenge.pk) == "already frozen"
    assert tasks.freeze_due_results() == []
    assert Challenge.objects.get().frozen_at == frozen_at
    assert list(Entry.objects.values_list("pk", "vote_count", "rank", "is_winner")) == before
    assert Notification.objects.filter(kind__startswith="challenge_").count() == 5


def test_nothing_is_frozen_before_the_deadline(people):
    challenge = post(people)
    assert results.freeze(challenge.pk) == "not yet"
    assert tasks.freeze_due_results() == []
    assert Challenge.objects.get().frozen_at is None


def test_the_beat_freezes_every_overdue_challenge(people, voted):
    challenge, entries = voted
    other = close(post(people, title_fr="Autre"))
    running = post(people, title_fr="En cours")
    assert sorted(results.due()) == sorted([challenge.pk, other.pk])
    tasks.freeze_due_results()
    assert set(Challenge.objects.filter(frozen_at__isnull=False).values_list("pk", flat=True)) == {
        challenge.pk,
        other.pk,
    }
    assert Challenge.objects.get(pk=running.pk).frozen_at is None
    schedule = settings.CELERY_BEAT_SCHEDULE["freeze-challenge-results"]
    assert schedule["task"] == "community.challenges.tasks.freeze_due_results"
    assert schedule["schedule"] == 300


def test_posting_schedules_the_freeze_for_the_deadline(people, django_capture_on_commit_callbacks):
    with (
        mock.patch.object(tasks.freeze_results, "apply_async") as scheduled,
        django_capture_on_commit_callbacks(execute=True),
    ):
        challenge = post(people)
    scheduled.assert_called_once_with(args=[challenge.pk], eta=challenge.deadline)


def test_a_hidden_entry_takes_no_rank(people, voted):
    challenge, entries = voted
    Entry.objects.filter(pk=entries[0].pk).update(visibility=Entry.Visibility.REMOVED)
    results.freeze(challenge.pk)
    hidden = Entry.objects.get(pk=entries[0].pk)
    assert hidden.rank is None and not hidden.is_winner and hidden.vote_count == 3
    assert Entry.objects.get(pk=entries[1].pk).rank == 1


@pytest.mark.parametrize("language", ["fr", "en"])
def test_winners_are_shown_on_the_page_and_the_list(client, people, voted, language):
    challenge, entries = voted
    results.freeze(challenge.pk)
    page = text(client.get(f"/{language}/challenges/{challenge.pk}/"))
    listing = text(client.get(f"/{language}/challenges/"))
    assert {"fr": "Palmarès", "en": "Winners"}[language] in page
    assert "Nadia M." in page and "Linda T." in page and "Carine E." in page
    assert {"fr": "3 votes", "en": "3 votes"}[language] in listing
    assert "Nadia M." in listing
