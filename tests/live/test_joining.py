"""Joining through our server, role by role: the registered as attendees and the host
as moderator, from 10 minutes before the start until the end, into the sandbox room
through a link made for them alone; everyone else is told why not."""

import pytest
from django.core import signing
from django.test import Client, override_settings

from live import registration
from live.models import Presence
from live.rooms.sandbox import room_token

from .conftest import make_session, shows, soon, start_now


@pytest.fixture
def session(people):
    session = make_session(people, "class", starts_at=soon(hours=3))
    registration.register(user=people["founder"], session=session)
    return session


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def _join(client, session, language="fr"):
    return client.get(f"/{language}/live/{session.pk}/join/")


def test_the_registered_student_joins_as_attendee_and_sees_who_is_here(people, session):
    start_now(session, minutes_ago=-5)
    student = _as(people["founder"])
    assert "Rejoindre" in student.get(f"/fr/live/{session.pk}/").content.decode()
    entered = _join(student, session)
    assert entered.status_code == 302 and "/fr/live/room/" in entered["Location"]
    in_room = student.get(entered["Location"], follow=True)
    assert in_room.status_code == 200
    assert shows(in_room, "Nadia M.")
    assert shows(in_room, "participante")
    stay = Presence.objects.get(user=people["founder"])
    assert stay.role == "attendee" and stay.left_at is None

    host = _as(people["teacher"])
    host_room = host.get(_join(host, session)["Location"], follow=True)
    assert shows(host_room, "animatrice ou animateur (modération)")
    assert shows(host_room, "2 personnes présentes")

    left = student.post(f"/fr/live/{session.pk}/room/leave/", follow=True)
    assert shows(left, "Vous avez quitté la salle.")
    assert Presence.objects.get(user=people["founder"]).left_at is not None
    assert student.get(f"/fr/live/{session.pk}/room/").status_code == 403
    # The host sees the attendance on the session page.
    assert shows(host.get(f"/fr/live/{session.pk}/"), "Présences")


@pytest.mark.parametrize(
    ("who", "language", "message"),
    [
        ("stranger", "fr", "Seules les personnes inscrites à cette séance peuvent la rejoindre."),
        ("classmate", "en", "Only people registered for this session can join it."),
    ],
)
def test_someone_not_registered_is_refused(people, session, who, language, message):
    start_now(session, minutes_ago=0)
    response = _join(_as(people[who]), session, language)
    assert response.status_code == 403 and shows(response, message)
    assert not Presence.objects.exists()


def test_before_the_window_and_after_the_end_nobody_joins(people, session):
    student = _as(people["founder"])
    early = _join(student, session)
    assert early.status_code == 403
    assert shows(early, "La salle ouvre 10 minutes avant le début. Revenez à ce moment-là.")
    assert "Rejoindre</a>" not in student.get(f"/fr/live/{session.pk}/").content.decode()
    start_now(session, minutes_ago=61)
    late = _join(student, session, "en")
    assert late.status_code == 403 and shows(late, "This session is over.")


def test_a_room_link_made_for_someone_else_or_forged_or_expired_does_not_get_in(people, session):
    start_now(session, minutes_ago=0)
    someone_elses = room_token(session, user_id=people["founder"].pk, role="attendee")
    stranger = _as(people["stranger"])
    refused = stranger.get(f"/fr/live/room/{someone_elses}/")
    assert refused.status_code == 403
    assert shows(refused, "Ce lien de salle n'est pas le vôtre ou a expiré.")
    forged = signing.dumps(
        {"s": session.pk, "u": people["stranger"].pk, "r": "moderator"}, salt="not-ours"
    )
    assert stranger.get(f"/fr/live/room/{forged}/").status_code == 403
    # A moderator link is never made for an attendee: the role comes from the server.
    student = _as(people["founder"])
    mine = room_token(session, user_id=people["founder"].pk, role="moderator")
    student.get(f"/fr/live/room/{mine}/")
    assert Presence.objects.get(user=people["founder"]).role == "attendee"
    with override_settings(LIVE_ROOM_LINK_SECONDS=-1):
        assert student.get(f"/fr/live/room/{mine}/").status_code == 403
    assert not Presence.objects.filter(user=people["stranger"]).exists()


def test_the_room_page_without_entering_through_join_is_refused(people, session):
    start_now(session, minutes_ago=0)
    response = _as(people["founder"]).get(f"/fr/live/{session.pk}/room/")
    assert response.status_code == 403
    assert shows(
        response, "Utilisez « Rejoindre » sur la page de la séance pour entrer dans la salle."
    )
