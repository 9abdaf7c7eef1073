"""Attendance the video service reports after a session (who came in and left, when):
kept as the session's stays, beside those the sandbox room records itself. A report
sent twice keeps each stay once."""

from django.db import transaction
from django.db.models import Q

from .models import Presence
from .rooms import ATTENDEE, MODERATOR


def people_of(session):
    """Ids of who may be in the room's attendance: the host and anyone who registered
    (a place given up later still came in before)."""
    return {session.host_id, *session.registrations.values_list("user_id", flat=True)}


@transaction.atomic
def record_reported_stays(*, session, stays):
    """Store `stays` (bbb_callbacks.Stay) of the host and the registered; anybody else
    is ignored. Returns how many stays were new."""
    allowed = people_of(session)
    rows = [
        Presence(
            session=session,
            user_id=stay.user_id,
            role=MODERATOR if stay.user_id == session.host_id else ATTENDEE,
            joined_at=stay.joined_at,
            last_seen_at=stay.left_at,
            left_at=stay.left_at,
        )
        for stay in stays
        if stay.user_id in allowed
    ]
    if not rows:
        return 0
    before = _count(session, rows)
    Presence.objects.bulk_create(rows, ignore_conflicts=True)
    return _count(session, rows) - before


def _count(session, rows):
    same = Q()
    for row in rows:
        same |= Q(user_id=row.user_id, joined_at=row.joined_at)
    return Presence.objects.filter(same, session=session).count()
