"""Recordings of sessions whose host allowed it: noted (the video service says one is
ready, or the session ended), fetched once into a lesson video — which the video
pipeline then turns into its 360p data-saver copy —, and added by the host, in one
click, to the class's course as a draft lesson to review."""

import logging
import tempfile
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from course_pages.models import CoursePage, LessonVideo
from course_pages.services import add_draft_lesson
from course_pages.video_services import register_upload

from .errors import InvalidInput, NotAllowed, NotNow, RoomError
from .models import LiveSession, SessionRecording
from .rooms import RecordingTooLarge, rooms

logger = logging.getLogger(__name__)

# A fetch claimed this long ago belongs to a worker that died: take it over.
STALE_FETCH_AFTER = timedelta(seconds=settings.LIVE_RECORDING_TIMEOUT * 2 + 600)


class NotReadyYet(Exception):
    """The video service has not finished a recording we expect: ask again later."""


def note(session, record_id):
    """The row for this recording, made once even when two callbacks race."""
    try:
        with transaction.atomic():
            return SessionRecording.objects.get_or_create(session=session, record_id=record_id)[0]
    except IntegrityError:  # the other callback made it at the same moment
        return SessionRecording.objects.get(session=session, record_id=record_id)


def fetch_all(session_id):
    """Fetch every finished recording of the session not fetched yet. RoomError or
    NotReadyYet mean "try again later" (the task retries with a growing delay)."""
    session = LiveSession.objects.select_related("host").filter(pk=session_id).first()
    if session is None or not session.allow_recording:
        return "not allowed"
    backend = rooms()
    found = {r.record_id: r for r in backend.recordings(session) if r.record_id and r.file_url}
    for record_id in found:
        note(session, record_id)
    waiting = SessionRecording.objects.filter(
        session=session, status=SessionRecording.Status.WAITING
    )
    if not found and not SessionRecording.objects.filter(session=session).exists():
        raise NotReadyYet(f"session {session_id}: no recording yet")
    fetched = 0
    for row in waiting:
        recording = found.get(row.record_id)
        if recording is None:
            raise NotReadyYet(f"session {session_id}: {row.record_id} is not published yet")
        if _claim(row):
            fetched += _fetch_one(backend, session, row, recording)
    return f"fetched {fetched}"


def _claim(row):
    now = timezone.now()
    claimable = Q(status=SessionRecording.Status.WAITING) | Q(
        status=SessionRecording.Status.FETCHING, updated_at__lt=now - STALE_FETCH_AFTER
    )
    return SessionRecording.objects.filter(claimable, pk=row.pk).update(
        status=SessionRecording.Status.FETCHING, updated_at=now
    )


def _release(row, **fields):
    SessionRecording.objects.filter(pk=row.pk, status=SessionRecording.Status.FETCHING).update(
        updated_at=timezone.now(), **fields
    )


def _fetch_one(backend, session, row, recording):
    with tempfile.TemporaryDirectory(prefix="bsa-recording-") as folder:
        path = Path(folder) / "recording.mp4"
        try:
            backend.download(recording, into=path, max_bytes=settings.LIVE_RECORDING_MAX_BYTES)
        except RecordingTooLarge:
            with translation.override(_language_of(session.host)):
                reason = _(
                    "This recording is larger than %(size)s GB: it was not fetched. "
                    "Record shorter parts next time."
                ) % {"size": settings.LIVE_RECORDING_MAX_BYTES // 1_000_000_000}
            _release(row, status=SessionRecording.Status.FAILED, failure_reason=reason)
            return 0
        except RoomError:
            _release(row, status=SessionRecording.Status.WAITING)
            raise
        with transaction.atomic(), path.open("rb") as handle:
            video = register_upload(
                title=_video_title(session),
                original=File(handle, name=f"live-{session.meeting_id}.mp4"),
                uploaded_by=session.host,
            )
            _release(row, status=SessionRecording.Status.FETCHED, video=video, failure_reason="")
    logger.info("Session %s: recording %s fetched as video %s", session.pk, row.record_id, video.pk)
    return 1


def _video_title(session):
    day = date_format(timezone.localtime(session.starts_at), "j F Y")
    return f"{session.title_fr} ({day})"[:255]


def _language_of(person):
    return getattr(person, "preferred_language", "") or settings.LANGUAGE_CODE


def add_to_course(*, by, recording):
    """The host's one click: a new draft lesson of the class's course holding the
    recording's video. Clicking again gives the same lesson."""
    with transaction.atomic():
        row = (
            SessionRecording.objects.select_for_update(of=("self",))
            .select_related("session", "video", "lesson")
            .get(pk=recording.pk)
        )
        session = row.session
        if session.host_id != by.pk:
            raise NotAllowed(_("Only the host can add the recording to the course."))
        if session.course_id is None:
            raise InvalidInput(_("Only a class belongs to a course: this recording stays a video."))
        course = CoursePage.objects.select_related("instructor").get(pk=session.course_id)
        if course.instructor.user_id != by.pk:
            raise NotAllowed(_("Only the course's instructor can add lessons to it."))
        if row.lesson is not None:
            return row.lesson
        if row.video is None or row.video.status == LessonVideo.Status.FAILED:
            raise NotNow(_("The recording is not ready to be added yet."))
        with translation.override(_language_of(by)):
            summary = _("Recording of the live class of %(day)s.") % {
                "day": date_format(timezone.localtime(session.starts_at), "j F Y")
            }
        lesson = add_draft_lesson(
            course=course,
            title=session.title_fr,
            summary=summary,
            video=row.video,
            duration_minutes=_minutes(row.video, session),
            owner=by,
            slug_hint=timezone.localtime(session.starts_at).strftime("%Y-%m-%d"),
        )
        row.lesson = lesson
        row.save(update_fields=["lesson", "updated_at"])
    return lesson


def _minutes(video, session):
    if video.duration_seconds:
        return max(1, round(video.duration_seconds / 60))
    return session.duration_minutes
