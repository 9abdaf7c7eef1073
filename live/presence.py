"""Who is in a sandbox room now, kept in the database: one open stay per person,
refreshed while their room page is open, closed when they leave. The stays are also
the session's attendance (who came, when, for how long)."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from community.selectors import display_name

from .models import Presence

# The room page refreshes itself every 30 s; someone unseen for this long has gone.
GONE_AFTER = timedelta(minutes=2)


def enter(*, user, session, role):
    now = timezone.now()
    stay = Presence.objects.filter(session=session, user=user, left_at__isnull=True).first()
    if stay is None:
        try:
            with transaction.atomic():
                return Presence.objects.create(
                    session=session, user=user, role=role, joined_at=now, last_seen_at=now
                )
        except IntegrityError:  # two tabs at once: the other one opened the stay
            stay = Presence.objects.get(session=session, user=user, left_at__isnull=True)
    seen(user=user, session=session)
    return stay


def seen(*, user, session):
    now = timezone.now()
    Presence.objects.filter(session=session, user=user, left_at__isnull=True).update(
        last_seen_at=now
    )


def leave(*, user, session):
    now = timezone.now()
    return Presence.objects.filter(session=session, user=user, left_at__isnull=True).update(
        left_at=now, last_seen_at=now
    )


def here_now(session):
    """[(name, role)] of who is in the room now, host first (one query)."""
    stays = (
        Presence.objects.filter(
            session=session,
            left_at__isnull=True,
            last_seen_at__gte=timezone.now() - GONE_AFTER,
        )
        .select_related("user")
        .order_by("-role", "joined_at")
    )
    return [(display_name(stay.user), stay.role) for stay in stays]
