"""Attendees rate a session once it is over: 1 to 5 stars and a short comment. Only
people who were in the room (an attendance record) may; the host sees the average."""

from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import InvalidInput, NotAllowed, NotNow
from .models import LiveSession, Presence, Rating

MAX_COMMENT_LENGTH = 500


def _over(session, now):
    # The host may end it before the planned end.
    return session.status == LiveSession.Status.ENDED or now >= session.ends_at


def may_rate(user, session, *, now=None):
    now = now or timezone.now()
    return (
        user.is_authenticated
        and session.host_id != user.pk
        and session.status != LiveSession.Status.CANCELLED
        and _over(session, now)
        and Presence.objects.filter(session=session, user=user).exists()
    )


def rate(*, user, session, stars, comment=""):
    if (
        session.host_id == user.pk
        or not Presence.objects.filter(session=session, user=user).exists()
    ):
        raise NotAllowed(_("Only people who attended the session can rate it."))
    if not _over(session, timezone.now()) or session.status == LiveSession.Status.CANCELLED:
        raise NotNow(_("You can rate the session once it is over."))
    if stars not in range(1, 6):
        raise InvalidInput(_("Give between 1 and 5 stars."))
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT_LENGTH:
        raise InvalidInput(
            _("A comment can be %(limit)s characters at most.") % {"limit": MAX_COMMENT_LENGTH}
        )
    rating, _created = Rating.objects.update_or_create(
        session=session, user=user, defaults={"stars": stars, "comment": comment}
    )
    return rating


def summary(session):
    """{"average": 4.5 or None, "count": n} (one query)."""
    found = Rating.objects.filter(session=session).aggregate(
        average=Avg("stars"), count=Count("id")
    )
    if found["average"] is not None:
        found["average"] = round(found["average"], 1)
    return found
