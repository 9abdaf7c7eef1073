"""Attendees rate a session once it is over; the host sees the average. Nobody else
rates, nor before the end, nor outside 1–5 stars, and a refusal changes nothing."""

import pytest
from django.test import Client

from live import presence, ratings, registration
from live.errors import InvalidInput, NotAllowed, NotNow
from live.models import Rating

from .conftest import enrolled_student, make_session, shows, soon, start_now


@pytest.fixture
def session(people):
    session = make_session(people, "class", starts_at=soon(hours=3))
    registration.register(user=people["founder"], session=session)
    start_now(session, minutes_ago=0)
    presence.enter(user=people["founder"], session=session, role="attendee")
    return session


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_attendee_rates_after_the_end_and_the_host_sees_the_average(people, session):
    with pytest.raises(NotNow):
        ratings.rate(user=people["founder"], session=session, stars=5)
    start_now(session, minutes_ago=61)
    student = _as(people["founder"])
    assert shows(student.get(f"/fr/live/{session.pk}/"), "Comment s'est passée la séance ?")
    done = student.post(
        f"/fr/live/{session.pk}/rate/", {"stars": "4", "comment": "Très clair"}, follow=True
    )
    assert shows(done, "Merci pour votre note.")
    student.post(f"/fr/live/{session.pk}/rate/", {"stars": "5"})
    assert Rating.objects.get().stars == 5  # rating again replaces it
    host = _as(people["teacher"]).get(f"/en/live/{session.pk}/")
    assert shows(host, "Rated 5.0/5 by 1 attendee")


def test_who_did_not_attend_and_bad_stars_are_refused(people, session):
    start_now(session, minutes_ago=61)
    absent = enrolled_student(people, "absente@example.cm")
    registration_row = registration.Registration.objects.create(
        session=session, user=absent, status="registered", queued_at=session.starts_at
    )
    assert registration_row.pk
    with pytest.raises(NotAllowed) as refused:
        ratings.rate(user=absent, session=session, stars=5)
    assert refused.value.message == (
        "Seules les personnes qui ont assisté à la séance peuvent la noter."
    )
    with pytest.raises(NotAllowed):
        ratings.rate(user=people["teacher"], session=session, stars=5)
    response = _as(people["founder"]).post(f"/fr/live/{session.pk}/rate/", {"stars": "9"})
    assert response.status_code == 400 and shows(response, "Donnez entre 1 et 5 étoiles.")
    with pytest.raises(InvalidInput):
        ratings.rate(user=people["founder"], session=session, stars=3, comment="x" * 501)
    assert not Rating.objects.exists()
