"""The group list and a group's page cost the same number of SQL queries at 10 and at
1,000 groups, members, resources and answers."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from community.models import Group, Membership, PracticeSession, Resource, Rsvp

from .conftest import add_member, address, make_group


def add_groups(site, count, start):
    groups = Group.objects.bulk_create(
        Group(
            name=f"Groupe {number}",
            slug=f"groupe-{number}",
            description="On s'entraîne ensemble.",
            language="fr",
            speciality=site["category"],
            town=site["douala"] if number % 2 else site["yaounde"],
            owner=site["founder"],
        )
        for number in range(start, start + count)
    )
    Membership.objects.bulk_create(
        Membership(group=group, user=site["founder"], status="member") for group in groups
    )


def add_people_and_posts(group, count, start):
    people = User.objects.bulk_create(
        User(email=f"membre{n}@example.cm", first_name="Membre", last_name=str(n))
        for n in range(start, start + count)
    )
    Membership.objects.bulk_create(
        Membership(group=group, user=person, status="member") for person in people
    )
    Resource.objects.bulk_create(
        Resource(group=group, author=person, kind="tip", text=f"Astuce {n}")
        for n, person in enumerate(people)
    )
    soon = timezone.now() + timedelta(days=2)
    sessions = PracticeSession.objects.bulk_create(
        PracticeSession(group=group, title=f"Séance {n}", starts_at=soon, place="Akwa")
        for n in range(start, start + count)
    )
    Rsvp.objects.bulk_create(
        Rsvp(session=sessions[0], user=person, going=True) for person in people
    )


def queries(client, path, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured)


def test_the_group_list_is_constant_from_10_to_1000_groups(client, people):
    client.force_login(people["classmate"])
    add_groups(people, 10, 0)
    client.get("/fr/groups/")  # first visit: sessions, site and page caches
    at_10 = queries(client, "/fr/groups/", town="douala", language="fr")
    add_groups(people, 990, 10)
    at_1000 = queries(client, "/fr/groups/", town="douala", language="fr")
    print(f"/fr/groups/: {at_10} queries at 10 groups, {at_1000} at 1,000")
    assert at_1000 == at_10


def test_a_group_page_is_constant_from_10_to_1000_members_and_posts(client, people):
    group = make_group(people)
    add_member(group, people["classmate"])
    client.force_login(people["classmate"])
    add_people_and_posts(group, 10, 0)
    client.get(address(group))
    at_10 = queries(client, address(group))
    add_people_and_posts(group, 990, 10)
    at_1000 = queries(client, address(group))
    print(f"group page: {at_10} queries at 10 members and posts, {at_1000} at 1,000")
    assert at_1000 == at_10
