"""Votes counted once under concurrency, on PostgreSQL: 50 members vote at the same
moment (50 votes), and one member taps "vote" ten times at once (one vote, the nine
others told a vote is final, none a server error)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.utils import translation

from community.challenges import services
from community.errors import NotAllowed
from community.models import Vote

from .challenges_kit import crowd, enter, post

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (real concurrent transactions and row locks); "
        "runs in the PostgreSQL pass",
    ),
]

VOTERS = 50
TAPS = 10


def at_once(count, action):
    start_together = threading.Barrier(count)

    def run(number):
        try:
            start_together.wait()
            with translation.override("en"):
                return action(number)
        except NotAllowed as refusal:
            return refusal
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_fifty_voters_at_once_and_one_voter_ten_times_at_once(people):
    challenge = post(people)
    entries = [
        enter(challenge, people["founder"]),
        enter(challenge, people["classmate"]),
    ]
    voters = crowd(VOTERS)

    answers = at_once(VOTERS, lambda n: services.vote(user=voters[n], entry=entries[n % 2]))
    assert all(isinstance(answer, Vote) for answer in answers)
    assert Vote.objects.filter(challenge=challenge).count() == VOTERS
    assert Vote.objects.filter(entry=entries[0]).count() == VOTERS // 2

    eager = people["graduate"]
    answers = at_once(TAPS, lambda n: services.vote(user=eager, entry=entries[n % 2]))
    assert sum(isinstance(answer, Vote) for answer in answers) == 1
    refusals = [answer for answer in answers if isinstance(answer, NotAllowed)]
    assert len(refusals) == TAPS - 1
    assert all("already voted" in refusal.message for refusal in refusals)
    assert Vote.objects.filter(challenge=challenge, voter=eager).count() == 1
    assert Vote.objects.filter(challenge=challenge).count() == VOTERS + 1
