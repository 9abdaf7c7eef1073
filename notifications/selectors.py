"""Reads of the in-site centre: the bell's count, a person's list."""

from django.db.models import Count, Max, Q

from .models import Notification, OutboundMessage

# The bell shows "99+" beyond this: counting stops there, so the query stays cheap
# however many unread notifications a person has.
BELL_CAP = 99


def unread(user):
    """``user``: a person or their id."""
    return Notification.objects.filter(
        user_id=getattr(user, "pk", user), in_site=True, read_at__isnull=True
    )


def unread_count(user):
    """One query, at most BELL_CAP + 1 rows counted."""
    return unread(user).values("pk")[: BELL_CAP + 1].count()


def bell_state(user):
    """(unread count, newest notification id), one query: the count endpoint's ETag
    changes when either does."""
    state = Notification.objects.filter(user=user, in_site=True).aggregate(
        unread=Count("pk", filter=Q(read_at__isnull=True)), newest=Max("pk")
    )
    return min(state["unread"], BELL_CAP + 1), state["newest"] or 0


def centre_of(user):
    """The person's centre, newest first (paginated by the view)."""
    return Notification.objects.filter(user=user, in_site=True).order_by("-created_at", "-pk")


def sent_to(user, *, limit=30):
    """The latest e-mails, SMS and pushes queued for `user` (by their address, phone
    and push subscriptions), newest first, with their delivery state. One query."""
    addresses = [user.email] + ([str(user.phone)] if user.phone else [])
    return list(
        OutboundMessage.objects.filter(
            Q(recipient__in=addresses) | Q(push_subscription__user=user)
        ).order_by("-created_at", "-pk")[:limit]
    )
