"""Offering to mentor: who may (three completed courses or a certificate not revoked),
what an offer holds, editing and pausing it, and every refusal translated with nothing
stored."""

import pytest
from django.utils import timezone

from community.errors import InvalidInput, NotAllowed
from community.mentorship import offers
from community.models import MentorOffer
from enrolment.models import Enrolment

from ..course_pages.builders import make_course
from . import mentoring
from .conftest import shows
from .mentoring import make_offer

# The people of tests/community/mentoring.py, built once for this module.
mentorship_site, people = mentoring.mentorship_site, mentoring.people

OFFER = {
    "speciality": "",
    "languages": ["fr", "en"],
    "town": "douala",
    "capacity": "3",
    "bio": "Tresseuse depuis 8 ans à Akwa.",
}


def form(people, **changes):
    return {**OFFER, "speciality": people["category"].pk, **changes}


def test_a_certified_graduate_offers_to_mentor_in_both_languages(client, people):
    client.force_login(people["graduate"])
    assert client.get("/fr/mentors/offer/").status_code == 200
    response = client.post("/fr/mentors/offer/", form(people))
    offer = MentorOffer.objects.get(user=people["graduate"])
    assert response.status_code == 302 and response["Location"] == f"/fr/mentors/{offer.pk}/"
    assert (offer.speaks_french, offer.speaks_english, offer.capacity) == (True, True, 3)
    assert offer.town == people["douala"] and offer.speciality == people["category"]
    page = client.get(f"/en/mentors/{offer.pk}/")
    assert shows(page, "Tresseuse depuis 8 ans à Akwa.") and shows(page, "3 places free")
    assert shows(page, "speaks French and English")


def test_three_completed_courses_make_a_mentor_two_do_not(people):
    nadia = people["founder"]
    assert not offers.may_mentor(nadia)
    courses = [
        make_course(people["catalogue"], people["course"].instructor, title=f"Cours {n}")
        for n in range(3)
    ]
    now = timezone.now()
    for course in courses[:2]:
        Enrolment.objects.create(user=nadia, course=course, status="completed", completed_at=now)
    assert not offers.may_mentor(nadia)
    Enrolment.objects.create(user=nadia, course=courses[2], status="completed", completed_at=now)
    assert offers.may_mentor(nadia)


def test_a_revoked_certificate_does_not_count(people):
    people["graduate"].certificates.update(revoked_at=timezone.now())
    assert not offers.may_mentor(people["graduate"])


@pytest.mark.parametrize(
    "language, text",
    [
        ("fr", "Pour devenir mentore, terminez au moins 3 formations"),
        ("en", "To mentor, finish at least 3 courses or earn a certificate first."),
    ],
)
def test_others_are_refused_with_a_clear_message(client, people, language, text):
    client.force_login(people["founder"])
    page = client.get(f"/{language}/mentors/offer/")
    assert page.status_code == 403 and shows(page, text)
    posted = client.post(f"/{language}/mentors/offer/", form(people))
    assert posted.status_code == 403
    with pytest.raises(NotAllowed):
        make_offer(people, people["stranger"])
    assert not MentorOffer.objects.exists()


@pytest.mark.parametrize(
    "changes, language, text",
    [
        ({"languages": []}, "en", "Choose at least one language: French, English or both."),
        ({"languages": []}, "fr", "Choisissez au moins une langue"),
        ({"bio": "   "}, "en", "Say in a few words what you can teach a beginner."),
        ({"bio": "x" * 20000}, "en", "This text can be 600 characters at most; it has 20,000."),
        ({"bio": "x" * 20000}, "fr", "Ce texte peut compter 600 caractères au plus"),
        ({"capacity": "11"}, "en", "Select a valid choice."),
        ({"capacity": "0"}, "fr", "Sélectionnez un choix valide."),
    ],
)
def test_bad_offers_are_refused_and_nothing_is_stored(client, people, changes, language, text):
    client.force_login(people["graduate"])
    response = client.post(f"/{language}/mentors/offer/", form(people, **changes))
    assert response.status_code == 400 and shows(response, text)
    assert not MentorOffer.objects.exists()


def test_capacity_outside_one_to_ten_is_refused_by_the_service(people):
    for capacity in (0, 11, "beaucoup"):
        with pytest.raises(InvalidInput):
            make_offer(people, capacity=capacity)
    assert not MentorOffer.objects.exists()


def test_html_in_a_bio_is_shown_escaped(client, people):
    offer = make_offer(people, bio="<script>alert('x')</script><b>Tresses</b>")
    client.force_login(people["founder"])
    page = client.get(f"/fr/mentors/{offer.pk}/")
    assert "<script>alert" not in page.text and "&lt;script&gt;alert" in page.text


def test_the_mentor_edits_her_offer_but_not_below_her_mentorships(client, people):
    from .mentoring import active_mentorship

    offer = make_offer(people, capacity=3)
    active_mentorship(people, offer=offer, mentee=people["founder"])
    active_mentorship(people, offer=offer, mentee=people["classmate"])
    client.force_login(people["graduate"])
    assert client.get("/fr/mentors/offer/").status_code == 200
    lower = client.post("/en/mentors/offer/", form(people, capacity="1"))
    assert lower.status_code == 400
    assert shows(lower, "You mentor 2 beginners now: your capacity can't be lower.")
    offer.refresh_from_db()
    assert offer.capacity == 3
    moved = client.post("/fr/mentors/offer/", form(people, town="yaounde", capacity="2"))
    assert moved.status_code == 302
    offer.refresh_from_db()
    assert (offer.town, offer.capacity) == (people["yaounde"], 2)
    assert MentorOffer.objects.count() == 1


def test_a_paused_offer_is_not_suggested_and_takes_no_request(client, people):
    offer = make_offer(people)
    client.force_login(people["graduate"])
    assert client.post("/fr/mentors/offer/pause/", {"paused": "1"}).status_code == 302
    client.force_login(people["founder"])
    assert shows(client.get("/en/mentors/?language="), "No mentor matches yet.")
    refused = client.post(f"/en/mentors/{offer.pk}/ask/", {"message": "Bonjour"})
    assert refused.status_code == 403 and shows(refused, "This mentor is not taking beginners now.")
    client.force_login(people["graduate"])
    client.post("/fr/mentors/offer/pause/", {"paused": "0"})
    client.force_login(people["founder"])
    assert shows(client.get("/en/mentors/?language="), "Carine E.")
