"""Who is in a booking's sandbox video room now, kept in the database: one open stay
per person, refreshed while their room page is open, closed when they leave."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .calls import name_in_call
from .models import CallStay

# The room page refreshes itself every 30 s; someone unseen for this long has gone.
GONE_AFTER = timedelta(minutes=2)


def enter(*, user, booking, moderator):
    now = timezone.now()
    open_stays = CallStay.objects.filter(booking=booking, user=user, left_at__isnull=True)
    if not open_stays.exists():
        try:
            with transaction.atomic():
                return CallStay.objects.create(
                    booking=booking, user=user, moderator=moderator, joined_at=now, last_seen_at=now
                )
        except IntegrityError:  # two tabs at once: the other one opened the stay
            pass
    open_stays.update(last_seen_at=now)
    return open_stays.get()


def leave(*, user, booking):
    now = timezone.now()
    return CallStay.objects.filter(booking=booking, user=user, left_at__isnull=True).update(
        left_at=now, last_seen_at=now
    )


def here_now(booking):
    """[(name, moderator)] of who is in the room now, the professional first (one query)."""
    stays = (
        CallStay.objects.filter(
            booking=booking, left_at__isnull=True, last_seen_at__gte=timezone.now() - GONE_AFTER
        )
        .select_related("user")
        .order_by("-moderator", "joined_at")
    )
    return [(name_in_call(stay.user, booking), stay.moderator) for stay in stays]
