"""A group's calendar: members plan practice sessions (a time in Africa/Douala, a place
or online) and say whether they come."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import limits
from .access import is_member, may_post
from .errors import InvalidInput, NotAllowed
from .models import PracticeSession, Rsvp
from .text import clean_text

MAX_TITLE_LENGTH = 120
MAX_PLACE_LENGTH = 200
FURTHEST_AHEAD = timedelta(days=366)


def plan_session(*, user, group, title, starts_at, place="", online=False):
    if not may_post(user, group):
        raise NotAllowed(_("Join the group to plan a practice session."))
    title = clean_text(
        title, limit=MAX_TITLE_LENGTH, empty_message=_("Say what you will practise.")
    )
    place = clean_text(place, limit=MAX_PLACE_LENGTH, required=False)
    if not online and not place:
        raise InvalidInput(_("Give the place where you meet, or tick “online”."))
    if starts_at is None:
        raise InvalidInput(_("Choose the day and time of the session."))
    now = timezone.now()
    if starts_at <= now:
        raise InvalidInput(_("Choose a time in the future."))
    if starts_at > now + FURTHEST_AHEAD:
        raise InvalidInput(_("Choose a time within the next year."))
    with transaction.atomic():
        limits.check_post(user, texts=[title, place])
        session = PracticeSession.objects.create(
            group=group,
            title=title,
            starts_at=starts_at,
            place="" if online else place,
            online=bool(online),
            planned_by=user,
        )
        # Whoever plans it comes.
        Rsvp.objects.create(session=session, user=user, going=True)
        limits.record_post(user, "session", session.pk)
    return session


def rsvp(*, user, session, going):
    if not is_member(user, session.group):
        raise NotAllowed(_("Join the group to say whether you come."))
    if session.starts_at <= timezone.now():
        raise InvalidInput(_("This session has already started."))
    answer, _created = Rsvp.objects.update_or_create(
        session=session, user=user, defaults={"going": bool(going)}
    )
    return answer
