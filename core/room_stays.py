"""Who is in a sandbox video room now (a live session's, a booking's call), kept in the
database as stays: one open stay per person and room, refreshed while their room page is
open, closed when they leave. Each app keeps its own stay model (a live session's stays
are also its attendance); the rules for opening, refreshing and closing them live here.

`room` is the filter naming the room on the stay model, e.g. {"session": session}."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

# Room pages refresh themselves every 30 s; someone unseen for this long has gone.
GONE_AFTER = timedelta(minutes=2)


def _open(model, user, room):
    return model.objects.filter(user=user, left_at__isnull=True, **room)


def enter(model, *, user, room, **fields):
    """The person's open stay in the room, opened if she has none (two tabs at once
    open one stay), and marked seen now."""
    now = timezone.now()
    stay = _open(model, user, room).first()
    if stay is None:
        try:
            with transaction.atomic():
                return model.objects.create(
                    user=user, joined_at=now, last_seen_at=now, **room, **fields
                )
        except IntegrityError:  # the other tab opened it first
            stay = _open(model, user, room).get()
    seen(model, user=user, room=room)
    return stay


def seen(model, *, user, room):
    _open(model, user, room).update(last_seen_at=timezone.now())


def leave(model, *, user, room):
    now = timezone.now()
    return _open(model, user, room).update(left_at=now, last_seen_at=now)


def here_now(model, *, room, order_by):
    """Open stays seen lately, with their people (one query)."""
    return (
        model.objects.filter(
            left_at__isnull=True, last_seen_at__gte=timezone.now() - GONE_AFTER, **room
        )
        .select_related("user")
        .order_by(*order_by)
    )
