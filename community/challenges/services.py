"""Taking part in a challenge: one photo entry per member (an optional "before" photo
beside the "after"), its photo replaced until the deadline, and one final vote, never
for one's own entry. Each refusal is a translated CommunityError and stores nothing.
Also the recent entries of a member, for the people who follow her."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import limits, photos
from ..errors import InvalidInput, NotAllowed
from ..follows import activity
from ..models import Activity, Challenge, Entry, Vote
from ..text import clean_text
from .access import check_member

# How entries are named in the community's reports and posting log.
REPORT_KIND = "challenge_entry"
MAX_CAPTION_LENGTH = 300


def _check_running(challenge, *, voting=False):
    now = timezone.now()
    if not challenge.is_visible:
        raise NotAllowed(_("This challenge is hidden while a moderator looks at it."))
    if now < challenge.opens_at:
        raise NotAllowed(_("This challenge is not open yet."))
    if now >= challenge.deadline or challenge.frozen_at is not None:
        if voting:
            raise NotAllowed(_("Voting is closed: the deadline has passed."))
        raise NotAllowed(_("This challenge is closed: the deadline has passed."))


def _caption(value):
    return clean_text(
        value,
        limit=MAX_CAPTION_LENGTH,
        empty_message=_("Write a short caption: what you did, and how."),
    )


def _convert(photo, before):
    """(after, before or None): each checked and re-encoded, a small copy for the page."""
    if not photo:
        raise InvalidInput(_("Choose the photo of your work."))
    return photos.convert(photo), photos.convert(before) if before else None


def _set_photos(entry, after, before):
    full, small = after
    entry.photo, entry.photo_small = full.file, small.file
    if before is not None:
        entry.before, entry.before_small = before[0].file, before[1].file


def enter(*, user, challenge, caption, photo, before=None):
    """A member's one entry in a running challenge."""
    check_member(user)
    _check_running(challenge)
    if challenge.author_id == user.pk:
        raise NotAllowed(_("You posted this challenge: you can't enter it."))
    if Entry.objects.filter(challenge=challenge, author=user).exists():
        raise NotAllowed(_already_entered())
    caption = _caption(caption)
    after, before = _convert(photo, before)
    entry = Entry(challenge=challenge, author=user, caption=caption)
    _set_photos(entry, after, before)
    try:
        with transaction.atomic():
            # The before/after pair shows one piece of work: one photo for the limits.
            limits.check_post(user, texts=(caption,), photos=1)
            entry.save()
            limits.record_post(user, REPORT_KIND, entry.pk)
            activity.record(actor=user, verb=Activity.Verb.CHALLENGE_ENTERED, target=entry)
    except IntegrityError as error:
        # The same person entered from two phones at once: the first entry stays.
        _delete_stored(entry)
        raise NotAllowed(_already_entered()) from error
    return entry


def _already_entered():
    return _(
        "You have already entered this challenge: one entry each. "
        "You can replace your photo until the deadline."
    )


def replace_photo(*, user, entry, photo, before=None, caption=None):
    """The author changes her photo (and her "before" photo, and her caption) until the
    deadline. Votes already given stay with the entry."""
    check_member(user)
    if entry.author_id != user.pk or entry.visibility == Entry.Visibility.REMOVED:
        raise NotAllowed(_("You can only change your own entry."))
    _check_running(entry.challenge)
    caption = _caption(entry.caption if caption is None else caption)
    limits.check_edit(user, texts=(caption,))
    after, before = _convert(photo, before)
    with transaction.atomic():
        entry = Entry.objects.select_for_update().select_related("challenge").get(pk=entry.pk)
        _check_running(entry.challenge)
        old = [entry.photo.name, entry.photo_small.name]
        if before is not None:
            old += [entry.before.name, entry.before_small.name]
        entry.caption = caption
        _set_photos(entry, after, before)
        entry.replaced_at = timezone.now()
        entry.save()
        storage = entry.photo.storage
        # The old files go once the new ones are safely recorded.
        transaction.on_commit(lambda: [storage.delete(name) for name in old if name])
    return entry


def _delete_stored(entry):
    """The files a refused save already wrote (and only those)."""
    for field in (entry.photo, entry.photo_small, entry.before, entry.before_small):
        if field and getattr(field, "_committed", False):
            field.storage.delete(field.name)


def vote(*, user, entry):
    """The member's one vote in the entry's challenge: final."""
    check_member(user)
    challenge = entry.challenge
    _check_running(challenge, voting=True)
    if entry.author_id == user.pk:
        raise NotAllowed(_("You can't vote for your own entry."))
    if not entry.is_visible:
        raise NotAllowed(
            _("This entry is hidden while a moderator looks at it: it takes no votes.")
        )
    try:
        with transaction.atomic():
            made = Vote.objects.create(challenge=challenge, entry=entry, voter=user)
            # On PostgreSQL the new row's foreign key holds the challenge's row, so the
            # task freezing the results waits for this vote; re-read after the insert, a
            # challenge frozen meanwhile refuses it (and the vote is rolled back).
            if not Challenge.objects.filter(pk=challenge.pk, frozen_at__isnull=True).exists():
                raise NotAllowed(_("Voting is closed: the deadline has passed."))
    except IntegrityError as error:
        raise NotAllowed(
            _("You have already voted in this challenge. A vote is final: it can't be moved.")
        ) from error
    return made


def vote_of(user, challenge):
    """The entry id the member voted for in this challenge, or None."""
    if not user.is_authenticated:
        return None
    return (
        Vote.objects.filter(challenge=challenge, voter=user)
        .values_list("entry_id", flat=True)
        .first()
    )


def entries_by(user, *, limit=10):
    """A member's recent entries that everyone may see, newest first, with their
    challenge (for the people who follow her)."""
    return list(
        Entry.objects.filter(
            author=user,
            visibility=Entry.Visibility.VISIBLE,
            challenge__visibility=Challenge.Visibility.VISIBLE,
        )
        .select_related("challenge")
        .order_by("-created_at", "-id")[:limit]
    )
