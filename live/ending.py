"""The end of a session and what follows it. The host ends it from the room, or the
video service tells us its room closed (BigBlueButton's end callback): either way it
ends once, the stays still open are closed and, if the host allowed recording, the
recording is fetched — again when the service says a recording is ready."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.roles import is_moderator

from .errors import InvalidInput, NotAllowed
from .models import LiveSession, Presence, SessionRecording
from .recordings import note
from .rooms import rooms
from .tasks import fetch_recordings


def may_end(user, session):
    return user.is_authenticated and (session.host_id == user.pk or is_moderator(user))


def end_session(*, by, session):
    """The host (or a moderator) ends the session for everyone."""
    if not may_end(by, session):
        raise NotAllowed(_("Only the host can end the session."))
    if session.status != LiveSession.Status.SCHEDULED:
        raise InvalidInput(_("This session is not running any more."))
    rooms().end(session)
    return session_ended(session=session)


def session_ended(*, session):
    """Record that the room closed. Doing it again changes nothing; a cancelled session
    stays cancelled."""
    now = timezone.now()
    with transaction.atomic():
        session = LiveSession.objects.select_for_update().get(pk=session.pk)
        if session.status != LiveSession.Status.SCHEDULED:
            return session
        session.status = LiveSession.Status.ENDED
        session.save(update_fields=["status"])
        Presence.objects.filter(session=session, left_at__isnull=True).update(
            left_at=now, last_seen_at=now
        )
        if session.allow_recording:
            session_id = session.pk
            transaction.on_commit(lambda: fetch_recordings.delay(session_id))
    return session


def recording_ready(*, session, record_id):
    """The video service says `record_id` is ready: note it (once) and fetch it after
    commit. Returns the row, or None when the host did not allow recording."""
    if not session.allow_recording:
        return None
    row = note(session, record_id)
    if row.status == SessionRecording.Status.WAITING:
        session_id = session.pk
        transaction.on_commit(lambda: fetch_recordings.delay(session_id))
    return row
