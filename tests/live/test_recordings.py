"""Recordings, when the host allowed them: fetched after the end (BigBlueButton on a
local fake that serves a small real video, and the sandbox room's "End"), through the
video pipeline to a 360p data-saver copy, then added by the host in one click as a
draft lesson of the course. Never fetched when recording was not allowed."""

import jwt
import pytest
import requests
from django.test import Client, override_settings

from core.sample_video import make_sample_video
from course_pages.models import LessonPage, LessonVideo
from live import recordings, registration
from live.errors import RoomError
from live.models import LiveSession, Presence, SessionRecording
from live.rooms import rooms
from live.tasks import fetch_recordings

from .conftest import make_session, shows, soon, start_now
from .fake_bbb import SECRET, FakeBigBlueButton
from .test_callbacks import _ready, through


@pytest.fixture(scope="module")
def sample_video(tmp_path_factory):
    path = tmp_path_factory.mktemp("recording") / "video-0.m4v"
    return make_sample_video(path, seconds=2, width=320, height=180)


@pytest.fixture
def bbb(sample_video):
    with (
        FakeBigBlueButton(recording_file=sample_video) as fake,
        override_settings(LIVE_BBB_URL=fake.url, LIVE_BBB_SECRET=SECRET),
    ):
        yield fake


def _session(people, *, allow_recording=True, kind="class"):
    session = make_session(people, kind, starts_at=soon(hours=3), allow_recording=allow_recording)
    if kind == "class":
        registration.register(user=people["founder"], session=session)
    return start_now(session, minutes_ago=5)


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def _held_and_ended(people, session):
    """The host and a student come in through their links; the host ends the meeting."""
    for person in (people["teacher"], people["founder"]):
        link = _as(person).get(f"/fr/live/{session.pk}/join/")["Location"]
        requests.get(link, timeout=5)
    rooms().end(session)


def test_a_recorded_class_becomes_a_data_saver_video_then_a_draft_lesson_in_one_click(
    people, bbb, django_capture_on_commit_callbacks
):
    session = _session(people)
    _held_and_ended(people, session)
    with django_capture_on_commit_callbacks(execute=True):
        answers = bbb.deliver(through(Client()))
    # end, attendance, then "recording ready" once it was already fetched after the end
    assert [answer.status_code for answer in answers] == [200, 200, 202]

    (recording,) = SessionRecording.objects.filter(session=session)
    assert recording.status == SessionRecording.Status.FETCHED
    assert bbb.downloads == [recording.record_id]
    video = recording.video
    assert video.status == LessonVideo.Status.READY, video.failure_reason
    assert video.uploaded_by == people["teacher"] and video.size_360 > 0
    assert video.title.startswith("Tresses en direct (")

    # "Recording ready" sent again: nothing fetched twice.
    with django_capture_on_commit_callbacks(execute=True):
        bbb.outbox.append(
            bbb.recording_ready(_created(bbb), session.meeting_id, recording.record_id)
        )
        assert bbb.deliver(through(Client()))[0].status_code == 202
    assert bbb.downloads == [recording.record_id]
    assert fetch_recordings(session.pk) == "fetched 0"

    host = _as(people["teacher"])
    page = host.get(f"/fr/live/{session.pk}/")
    assert shows(page, "Ajouter à la formation comme leçon") and shows(page, "360p")
    added = host.post(f"/fr/live/{session.pk}/recordings/{recording.pk}/add/", follow=True)
    assert shows(added, "brouillon de leçon") and shows(added, "Ouvrir la leçon")
    lesson = LessonPage.objects.get()
    assert lesson.get_parent().pk == people["course"].pk
    assert not lesson.live and lesson.owner == people["teacher"] and not lesson.is_required
    assert lesson.title == "Tresses en direct"
    assert lesson.get_latest_revision().as_object().body[0].value["video"].pk == video.pk
    # One click is one lesson; students see nothing of a draft.
    host.post(f"/fr/live/{session.pk}/recordings/{recording.pk}/add/")
    assert LessonPage.objects.count() == 1
    people["course"].refresh_from_db()
    assert all(shown.pk != lesson.pk for shown in people["course"].lessons)


def _created(bbb):
    return next(params for call, params in bbb.calls if call == "create")


def test_without_the_hosts_permission_a_recording_is_never_fetched(
    people, bbb, django_capture_on_commit_callbacks
):
    session = _session(people, allow_recording=False)
    _held_and_ended(people, session)
    # The server recorded anyway (say, someone changed its defaults) and says so.
    bbb.recordings[session.meeting_id] = [("rec-x", f"{bbb.origin}/playback/video/rec-x/", 1)]
    token = jwt.encode(
        {"meeting_id": session.meeting_id, "record_id": "rec-x"}, SECRET, algorithm="HS256"
    )
    with django_capture_on_commit_callbacks(execute=True):
        bbb.deliver(through(Client()))
        told = _ready(Client(), token)
    assert told.status_code == 202 and told.json() == {"received": True, "fetching": False}
    assert fetch_recordings(session.pk) == "not allowed"
    assert bbb.downloads == []
    assert not SessionRecording.objects.exists() and not LessonVideo.objects.exists()
    assert LiveSession.objects.get(pk=session.pk).status == LiveSession.Status.ENDED


def test_a_recording_over_the_size_cap_is_not_fetched_and_the_host_is_told(
    people, bbb, django_capture_on_commit_callbacks
):
    session = _session(people)
    _held_and_ended(people, session)
    with (
        override_settings(LIVE_RECORDING_MAX_BYTES=1000),
        django_capture_on_commit_callbacks(execute=True),
    ):
        bbb.deliver(through(Client()))
    (recording,) = SessionRecording.objects.all()
    assert recording.status == SessionRecording.Status.FAILED and recording.video is None
    assert not LessonVideo.objects.exists()
    page = _as(people["teacher"]).get(f"/fr/live/{session.pk}/")
    assert shows(page, "Cet enregistrement dépasse 0\u00a0Go")
    assert not shows(page, "Ajouter à la formation comme leçon")


def test_a_file_not_served_yet_is_fetched_on_a_later_try(people, bbb):
    session = _session(people)
    _held_and_ended(people, session)
    LiveSession.objects.filter(pk=session.pk).update(status=LiveSession.Status.ENDED)
    served, bbb.recording_file = bbb.recording_file, None
    with pytest.raises(RoomError, match="HTTP 404"):
        recordings.fetch_all(session.pk)
    (recording,) = SessionRecording.objects.all()
    assert recording.status == SessionRecording.Status.WAITING
    assert not LessonVideo.objects.exists()

    bbb.recording_file = served
    assert recordings.fetch_all(session.pk) == "fetched 1"
    recording.refresh_from_db()
    assert recording.status == SessionRecording.Status.FETCHED and recording.video is not None


def test_only_the_host_adds_the_recording_and_only_once_it_is_fetched(people, bbb):
    session = _session(people)
    recording = SessionRecording.objects.create(session=session, record_id="rec-1")
    address = f"/fr/live/{session.pk}/recordings/{recording.pk}/add/"
    student = _as(people["founder"]).post(address)
    assert student.status_code == 400
    assert shows(student, "Seule la personne qui anime la séance peut ajouter l'enregistrement")
    early = _as(people["teacher"]).post(address)
    assert early.status_code == 400
    assert shows(early, "L'enregistrement n'est pas encore prêt à être ajouté.")
    assert (
        _as(people["teacher"]).post(f"/fr/live/{session.pk}/recordings/999999/add/").status_code
        == 404
    )
    assert not LessonPage.objects.exists()
    recording.refresh_from_db()
    assert recording.lesson is None


def test_the_sandbox_rooms_end_makes_a_recording_the_host_adds_to_the_course(
    people, django_capture_on_commit_callbacks
):
    session = _session(people)
    host, student = _as(people["teacher"]), _as(people["founder"])
    for person in (host, student):
        person.get(person.get(f"/fr/live/{session.pk}/join/")["Location"])
    room = host.get(f"/fr/live/{session.pk}/room/")
    assert shows(room, "Terminer la séance pour tout le monde")
    assert not shows(student.get(f"/fr/live/{session.pk}/room/"), "Terminer la séance")

    refused = student.post(f"/fr/live/{session.pk}/room/end/")
    assert refused.status_code == 400
    assert shows(refused, "Seule la personne qui anime la séance peut y mettre fin.")
    assert LiveSession.objects.get(pk=session.pk).status == LiveSession.Status.SCHEDULED

    with django_capture_on_commit_callbacks(execute=True):
        ended = host.post(f"/fr/live/{session.pk}/room/end/", follow=True)
    assert shows(ended, "La séance est terminée.")
    assert not Presence.objects.filter(session=session, left_at__isnull=True).exists()
    (recording,) = SessionRecording.objects.filter(session=session)
    assert recording.video.status == LessonVideo.Status.READY
    assert host.post(f"/fr/live/{session.pk}/room/end/").status_code == 400  # once

    host.post(f"/fr/live/{session.pk}/recordings/{recording.pk}/add/")
    assert LessonPage.objects.get().get_parent().pk == people["course"].pk


def test_a_practice_sessions_recording_stays_a_video(people, bbb):
    session = _session(people, kind="practice")
    recording = SessionRecording.objects.create(session=session, record_id="rec-1")
    refused = _as(people["founder"]).post(f"/fr/live/{session.pk}/recordings/{recording.pk}/add/")
    assert refused.status_code == 400
    assert shows(refused, "cet enregistrement reste une vidéo.")
    assert not LessonPage.objects.exists()
