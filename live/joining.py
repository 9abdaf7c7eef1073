"""Joining through our server: "Join" works from 10 minutes before the start until the
end, for the host (as moderator) and the registered (as attendees); the room backend
then makes a way in for that one person."""

from django.utils import timezone
from django.utils.translation import gettext as _

from community.selectors import display_name

from .errors import InvalidInput, NotAllowed, NotNow, RoomError
from .models import LiveSession, Registration
from .rooms import ATTENDEE, MODERATOR, rooms


def role_of(user, session, *, registered=None):
    """MODERATOR for the host, ATTENDEE for the registered, None for anyone else."""
    if not user.is_authenticated:
        return None
    if session.host_id == user.pk:
        return MODERATOR
    if registered is None:
        registered = Registration.objects.filter(
            session=session, user=user, status=Registration.Status.REGISTERED
        ).exists()
    return ATTENDEE if registered else None


def window_open(session, now=None):
    now = now or timezone.now()
    return (
        session.status == LiveSession.Status.SCHEDULED
        and session.join_opens_at <= now < session.ends_at
    )


def check_can_enter(user, session, *, now=None):
    """The person's role in the room, or a LiveError saying why not."""
    now = now or timezone.now()
    role = role_of(user, session)
    if role is None:
        raise NotAllowed(_("Only people registered for this session can join it."))
    if session.status == LiveSession.Status.CANCELLED:
        raise InvalidInput(_("This session is cancelled."))
    if now < session.join_opens_at:
        raise NotNow(_("The room opens 10 minutes before the start. Come back then."))
    if now >= session.ends_at or session.status != LiveSession.Status.SCHEDULED:
        raise NotNow(_("This session is over."))
    return role


def join(*, user, session):
    """The room address made for this person (a redirect target)."""
    role = check_can_enter(user, session)
    backend = rooms()
    try:
        opened = backend.create(session)
    except RoomError as error:
        raise NotNow(
            _("The video room does not answer right now. Try again in a minute.")
        ) from error
    return backend.join_url(
        session, user_id=user.pk, name=display_name(user), role=role, opened=opened
    )
