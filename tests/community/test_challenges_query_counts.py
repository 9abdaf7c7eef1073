"""The challenge page and the list read a fixed number of queries, whatever the number
of entries (10 or 200), votes and challenges."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.challenges import results
from community.models import Entry, Vote

from .challenges_kit import close, crowd, post

pytestmark = pytest.mark.django_db


def add_entries(challenge, authors, voters):
    made = Entry.objects.bulk_create(
        Entry(
            challenge=challenge,
            author=author,
            caption=f"Entrée {number}",
            photo=f"challenges/e{number}.webp",
            photo_small=f"challenges/e{number}-small.webp",
            before=f"challenges/b{number}.webp" if number % 2 else "",
            before_small=f"challenges/b{number}-small.webp" if number % 2 else "",
        )
        for number, author in enumerate(authors)
    )
    Vote.objects.bulk_create(
        Vote(challenge=challenge, entry=made[number % len(made)], voter=voter)
        for number, voter in enumerate(voters)
    )


def queries(client, address):
    client.get(address)  # caches filled on a first visit (site, locales) don't count
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_the_challenge_page_and_the_list_do_not_grow_with_entries(client, people):
    members = crowd(200)
    client.force_login(people["graduate"])
    small, big = post(people), post(people, title_fr="Grand défi")
    add_entries(small, members[:10], members[:10])
    add_entries(big, members, members)
    few = queries(client, f"/fr/challenges/{small.pk}/")
    many = queries(client, f"/fr/challenges/{big.pk}/")
    assert few == many

    def finish(number):
        finished = close(post(people, title_fr=f"Fini {number}"))
        add_entries(finished, members[number * 20 : number * 20 + 20], members[:30])
        results.freeze(finished.pk)
        return finished

    finish(0)
    listed = queries(client, "/en/challenges/")
    for number in range(1, 8):
        finished = finish(number)
    assert queries(client, "/en/challenges/") == listed
    assert queries(client, f"/fr/challenges/{finished.pk}/") == few + 1  # and the winners
