"""Finding a mentor: suggestions ranked by speciality, town, language and free places,
each explained; filters; who may open what, role by role; and the page's SQL query count
stays the same from 10 to 100 mentors."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from community.models import MentorOffer

from . import mentoring
from .conftest import shows
from .mentoring import active_mentorship, make_offer

# The people of tests/community/mentoring.py, built once for this module.
mentorship_site, people = mentoring.mentorship_site, mentoring.people


def test_suggestions_are_ranked_and_explained(client, people):
    near = make_offer(people, town="douala", capacity=2)
    far = make_offer(people, people["awa"], town="yaounde", capacity=4, speaks_english=True)
    client.force_login(people["classmate"])
    page = client.get(
        "/en/mentors/", {"town": "douala", "language": "fr", "speciality": people["category"].pk}
    )
    text = page.text
    assert text.index("Carine E.") < text.index("Awa N.")
    assert shows(page, "same speciality · same town · speaks French · 2 places free")
    assert shows(page, "same speciality · speaks French · 4 places free")
    french = client.get(
        "/fr/mentors/", {"town": "yaounde", "language": "en", "speciality": people["category"].pk}
    )
    assert french.text.index("Awa N.") < french.text.index("Carine E.")
    assert shows(french, "même spécialité · même ville · parle anglais · 4 places libres")
    assert near.pk and far.pk


def test_free_places_come_before_full_mentors(client, people):
    full = make_offer(people, town="douala", capacity=1)
    active_mentorship(people, offer=full, mentee=people["founder"])
    make_offer(people, people["awa"], town="yaounde", capacity=1)
    client.force_login(people["classmate"])
    page = client.get("/en/mentors/", {"town": "douala"})
    assert page.text.index("Awa N.") < page.text.index("Carine E.")
    assert shows(page, "no place free now")


def test_the_strict_filter_keeps_only_matching_mentors(client, people):
    make_offer(people, town="douala")
    make_offer(people, people["awa"], town="yaounde")
    client.force_login(people["classmate"])
    page = client.get("/fr/mentors/", {"town": "yaounde", "strict": "on"})
    assert shows(page, "Awa N.") and not shows(page, "Carine E.")


def test_by_default_the_page_uses_my_town_and_language(client, people):
    make_offer(people, town="douala")
    make_offer(people, people["awa"], town="yaounde")
    people["classmate"].town = "Yaoundé"
    people["classmate"].save()
    client.force_login(people["classmate"])
    page = client.get("/fr/mentors/")
    assert page.text.index("Awa N.") < page.text.index("Carine E.")
    assert shows(page, "même ville")


def test_nobody_is_suggested_to_herself(client, people):
    make_offer(people)
    client.force_login(people["graduate"])
    page = client.get("/en/mentors/?language=")
    assert shows(page, "No mentor matches yet.") and shows(page, "My offer to mentor")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pages_need_a_login(client, people, language):
    offer = make_offer(people)
    for path in ("", "offer/", "mine/", f"{offer.pk}/"):
        response = client.get(f"/{language}/mentors/{path}")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(f"/{language}/mentors/{offer.pk}/ask/", {"message": "x"}).status_code == 302


@pytest.mark.parametrize(
    "person, status", [("stranger", 200), ("founder", 200), ("teacher", 200), ("moderator", 200)]
)
def test_every_member_finds_mentors(client, people, person, status):
    offer = make_offer(people)
    client.force_login(people[person])
    assert client.get("/fr/mentors/").status_code == status
    assert client.get(f"/en/mentors/{offer.pk}/").status_code == status


def add_mentors(site, count, start):
    users = User.objects.bulk_create(
        User(email=f"mentore{n}@example.cm", first_name="Mentore", last_name=str(n))
        for n in range(start, start + count)
    )
    MentorOffer.objects.bulk_create(
        MentorOffer(
            user=user,
            speciality=site["category"],
            town=site["douala"] if n % 2 else site["yaounde"],
            capacity=3,
            bio="Je montre les bases.",
        )
        for n, user in enumerate(users)
    )


def queries(client, path, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured)


def test_the_find_page_costs_the_same_from_10_to_100_mentors(client, people):
    offer = make_offer(people)
    active_mentorship(people, offer=offer, mentee=people["founder"])
    add_mentors(people, 9, 0)
    client.force_login(people["founder"])
    params = {"town": "douala", "language": "fr", "page": "1"}
    # The first request fills the caches (site, locales) every later one reads.
    queries(client, "/fr/mentors/", **params)
    few = queries(client, "/fr/mentors/", **params)
    add_mentors(people, 90, 100)
    assert MentorOffer.objects.count() == 100
    many = queries(client, "/fr/mentors/", **params)
    assert many == few
    assert queries(client, "/fr/mentors/", page="3") <= few + 1
