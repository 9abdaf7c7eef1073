"""Reads for the challenge pages: the list (running, upcoming, finished with their
winners) and one challenge with its entries. Each is a fixed number of queries,
whatever the number of challenges, entries and votes."""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from ..models import Challenge, Entry
from ..selectors import speciality_names
from .access import moderates
from .services import vote_of

FINISHED_PER_PAGE = 10
ENTRIES_PER_PAGE = 24


def _listed():
    visible = Entry.Visibility.VISIBLE
    return Challenge.objects.filter(visibility=Challenge.Visibility.VISIBLE).annotate(
        entry_count=Count("entries", filter=Q(entries__visibility=visible))
    )


def winners_prefetch():
    return Prefetch(
        "entries",
        queryset=Entry.objects.filter(is_winner=True, visibility=Entry.Visibility.VISIBLE)
        .select_related("author")
        .order_by("rank", "created_at", "id"),
        to_attr="winners",
    )


def listing(*, page_number=None, now=None):
    now = now or timezone.now()
    running = _listed().filter(opens_at__lte=now, deadline__gt=now).order_by("deadline", "id")
    upcoming = _listed().filter(opens_at__gt=now).order_by("opens_at", "id")
    finished = (
        _listed()
        .filter(deadline__lte=now)
        .prefetch_related(winners_prefetch())
        .order_by("-deadline", "-id")
    )
    return {
        "running": list(running),
        "upcoming": list(upcoming),
        "finished": Paginator(finished, FINISHED_PER_PAGE).get_page(page_number),
        "specialities": speciality_names(),
    }


def challenge_or_none(challenge_id):
    return (
        Challenge.objects.select_related("author")
        .prefetch_related("photos")
        .filter(pk=challenge_id)
        .first()
    )


def entries_seen(user, challenge):
    """The entries this person may see: visible ones, her own while hidden for review,
    every one for a moderator."""
    entries = Entry.objects.filter(challenge=challenge).select_related("author")
    if moderates(user):
        return entries
    shown = Q(visibility=Entry.Visibility.VISIBLE)
    if user.is_authenticated:
        shown |= Q(author=user, visibility=Entry.Visibility.WAITING)
    return entries.filter(shown)


def challenge_page(*, challenge, user, page_number=None):
    frozen = challenge.frozen_at is not None
    entries = entries_seen(user, challenge)
    if frozen:
        entries = entries.order_by("rank", "-vote_count", "created_at", "id")
    else:
        entries = entries.order_by("created_at", "id")
    mine = (
        Entry.objects.filter(challenge=challenge, author=user).first()
        if user.is_authenticated
        else None
    )
    winners = []
    if frozen:
        winners = list(
            Entry.objects.filter(
                challenge=challenge, is_winner=True, visibility=Entry.Visibility.VISIBLE
            )
            .select_related("author")
            .order_by("rank", "created_at", "id")
        )
    return {
        "entries": Paginator(entries, ENTRIES_PER_PAGE).get_page(page_number),
        "mine": mine,
        "voted_for": vote_of(user, challenge),
        "winners": winners,
        "frozen": frozen,
        "state": challenge.state(),
        "speciality": speciality_names().get(challenge.speciality_id, ""),
    }
