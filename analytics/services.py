"""Writes: `track` (the one way into the event stream) and the students' encouragement."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.selectors import opted_out_of_tracking
from notifications.services import Message, notify

from .models import Event
from .notification_kinds import ENCOURAGEMENT

MAX_PROPS = 8
MAX_TEXT = 64
MAX_LIST = 8


def _bounded(value):
    """Small scalars and short lists of them; anything else is refused, not cut, so a
    caller's mistake shows in its tests rather than as odd rows later."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, str) and len(value) <= MAX_TEXT:
        return value
    if isinstance(value, list | tuple) and len(value) <= MAX_LIST:
        return [_bounded(item) for item in value]
    raise ValueError(f"Event property too large or of an unknown type: {value!r}")


def track(kind, *, user_id=None, course_id=None, lesson_id=None, props=None, occurred_at=None):
    """Record an event once the caller's transaction commits (at once outside one).
    Nothing is written if the transaction rolls back; a failure here never undoes the
    caller's work, nor for a person who turned usage statistics off."""
    kind = Event.Kind(kind)
    props = dict(props or {})
    if len(props) > MAX_PROPS:
        raise ValueError("Too many event properties.")
    event = Event(
        kind=kind,
        user_id=user_id,
        course_id=course_id,
        lesson_id=lesson_id,
        props={str(key)[:MAX_TEXT]: _bounded(value) for key, value in props.items()},
        occurred_at=occurred_at or timezone.now(),
    )
    if user_id is not None and opted_out_of_tracking(user_id):
        return
    transaction.on_commit(event.save)


def encourage(*, student, course_title, url):
    """One encouragement, through notifications (the student's choices apply)."""

    def message():
        return Message(
            subject=_("Your instructor is cheering you on"),
            text=_(
                "You have not opened “%(course)s” for a week. Your instructor believes in "
                "you: one short lesson today is enough to get going again."
            )
            % {"course": course_title},
            url=url,
        )

    return notify(student, ENCOURAGEMENT, message=message)
