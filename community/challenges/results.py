"""Freezing a challenge's results at its deadline: the votes of each entry and its rank
are kept on the entry, the top three ranks win (ties share a rank; an entry needs one
vote at least to win), the winners hear they won and the other entrants that the
results are out. Once: a challenge frozen stays as it is, whoever runs it again."""

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates.badges.tasks import check_later as check_badges_later
from notifications.services import Message, notify

from ..models import Challenge, Entry, Vote
from .notification_kinds import CHALLENGE_RESULTS, CHALLENGE_WON

WINNING_RANKS = 3


def due(now=None):
    """Ids of the challenges whose deadline passed, results not frozen yet."""
    return list(
        Challenge.objects.filter(frozen_at__isnull=True, deadline__lte=now or timezone.now())
        .order_by("deadline")
        .values_list("pk", flat=True)
    )


def ranks(counts):
    """{entry id: rank} from [(entry id, votes)] sorted by votes, most first: ties share a
    rank and the next rank skips them (1, 1, 3)."""
    ranked, previous, rank = {}, None, 0
    for position, (entry_id, votes) in enumerate(counts, start=1):
        if votes != previous:
            rank, previous = position, votes
        ranked[entry_id] = rank
    return ranked


def freeze(challenge_id):
    with transaction.atomic():
        # Locked: a vote being stored finishes first (its foreign key holds the row),
        # and one sent after this sees the challenge frozen (community.challenges.services).
        challenge = Challenge.objects.select_for_update().filter(pk=challenge_id).first()
        if challenge is None:
            return "gone"
        if challenge.frozen_at is not None:
            return "already frozen"
        now = timezone.now()
        if challenge.deadline > now:
            return "not yet"
        votes = dict(
            Vote.objects.filter(challenge=challenge)
            .values_list("entry")
            .annotate(count=Count("id"))
            .values_list("entry", "count")
        )
        entries = list(Entry.objects.filter(challenge=challenge).select_related("author"))
        # Hidden entries keep their count but take no rank.
        shown = sorted(
            (entry for entry in entries if entry.is_visible),
            key=lambda entry: (-votes.get(entry.pk, 0), entry.created_at, entry.pk),
        )
        rank_of = ranks([(entry.pk, votes.get(entry.pk, 0)) for entry in shown])
        for entry in entries:
            entry.vote_count = votes.get(entry.pk, 0)
            entry.rank = rank_of.get(entry.pk)
            entry.is_winner = (
                entry.rank is not None and entry.rank <= WINNING_RANKS and entry.vote_count > 0
            )
        Entry.objects.bulk_update(entries, ["vote_count", "rank", "is_winner"])
        challenge.frozen_at = now
        challenge.save(update_fields=["frozen_at"])
        if challenge.visibility != Challenge.Visibility.REMOVED:
            _tell(challenge, entries)
        # A win may earn a badge ("challenges won"), checked after the commit.
        check_badges_later(entry.author_id for entry in entries if entry.is_winner)
    return sum(1 for entry in entries if entry.is_winner)


def _tell(challenge, entries):
    for entry in entries:
        person = entry.author
        if person is None or not person.is_active:
            continue
        if entry.is_winner:
            notify(person, CHALLENGE_WON, message=lambda entry=entry: _won(challenge, entry))
        else:
            notify(person, CHALLENGE_RESULTS, message=lambda: _results(challenge))


def _values(challenge):
    path = reverse("challenges:challenge", args=[challenge.pk])
    return path, {
        "title": challenge.title,
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
    }


def _won(challenge, entry):
    path, values = _values(challenge)
    values.update(rank=entry.rank, votes=entry.vote_count, prize=challenge.prize)
    opening = (
        ngettext(
            "Your entry is ranked %(rank)s in “%(title)s”, with %(votes)s vote.",
            "Your entry is ranked %(rank)s in “%(title)s”, with %(votes)s votes.",
            entry.vote_count,
        )
        % values
    )
    lines = [_("Congratulations!"), "", opening]
    if challenge.prize:
        lines += ["", _("The prize: %(prize)s") % values]
    lines += ["", _("See the winners: %(url)s") % values]
    return Message(
        subject=_("You are among the winners of “%(title)s”") % values,
        text="\n".join(lines) + "\n",
        summary=opening,
        url=path,
    )


def _results(challenge):
    path, values = _values(challenge)
    opening = _("The votes are counted: see the winners of “%(title)s”.") % values
    return Message(
        subject=_("The results of “%(title)s” are out") % values,
        text="\n".join([opening, "", _("See the results: %(url)s") % values]) + "\n",
        summary=opening,
        url=path,
    )
