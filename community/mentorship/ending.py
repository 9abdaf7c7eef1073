"""The end of a mentorship and the reviews after it. Either side may end it early; the
beat task (end_due) ends those whose weeks are over and closes what a deleted account
left open, claiming each row with a conditional UPDATE so a second run does nothing.
Each side then leaves one short review of the other, once."""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.badges.tasks import check_later as check_badges_later

from .. import limits
from ..errors import CommunityError, InvalidInput, NotAllowed
from ..models import Mentorship, MentorshipReview
from ..text import clean_text
from . import notices

Status, Ending, Side = Mentorship.Status, Mentorship.Ending, MentorshipReview.Side
MAX_REVIEW_LENGTH = 1000
REPORT_KIND = "mentor_review"


def _close(mentorship_id, *, ending, now):
    """Claim one active mentorship for ending; True when this call ended it."""
    return bool(
        Mentorship.objects.filter(pk=mentorship_id, status=Status.ACTIVE).update(
            status=Status.ENDED, ending=ending, ended_at=now
        )
    )


@transaction.atomic
def end_early(*, user, mentorship):
    """Either side ends the mentorship now."""
    side = mentorship.side_of(user)
    if side is None:
        raise NotAllowed(_("Only the mentor and the beginner can end this mentorship."))
    if not _close(mentorship.pk, ending=side, now=timezone.now()):
        raise CommunityError(_("This mentorship is not under way."))
    transaction.on_commit(lambda: notices.ended(mentorship.pk))
    mentorship.refresh_from_db()
    return mentorship


def end_due(now=None):
    """Beat: end the mentorships whose weeks are over, and close what a deleted account
    left open. Takes nothing from memory; returns how many mentorships it ended."""
    now = now or timezone.now()
    ended = 0
    due = Mentorship.objects.filter(status=Status.ACTIVE, ends_at__lte=now)
    for mentorship_id, mentor_id in due.values_list("pk", "mentor_id"):
        with transaction.atomic():
            if _close(mentorship_id, ending=Ending.TIME_UP, now=now):
                ended += 1
                transaction.on_commit(lambda pk=mentorship_id: notices.ended(pk))
                # Mentoring seen through may earn a badge ("mentorships given").
                check_badges_later([mentor_id])
    gone = Q(mentor__isnull=True) | Q(mentee__isnull=True)
    ended += Mentorship.objects.filter(gone, status=Status.ACTIVE).update(
        status=Status.ENDED, ending=Ending.ACCOUNT_GONE, ended_at=now
    )
    Mentorship.objects.filter(gone, status=Status.REQUESTED).update(
        status=Status.WITHDRAWN, answered_at=now
    )
    return ended


def clean_rating(rating):
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise InvalidInput(_("Choose a rating from 1 to 5 stars."))
    return rating


@transaction.atomic
def review(*, user, mentorship, rating, text):
    """One side reviews the other, once, after the end; returns the review."""
    mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    side = mentorship.side_of(user)
    if side is None:
        raise NotAllowed(_("Only the mentor and the beginner can review this mentorship."))
    if mentorship.status != Status.ENDED:
        raise CommunityError(_("You can leave a review once the mentorship has ended."))
    other = mentorship.mentee_id if side == Side.MENTOR else mentorship.mentor_id
    if other is None:
        raise CommunityError(_("This person deleted her account: there is nobody to review."))
    if MentorshipReview.objects.filter(mentorship=mentorship, side=side).exists():
        raise CommunityError(_("You have already reviewed this mentorship."))
    rating = clean_rating(rating)
    text = clean_text(
        text, limit=MAX_REVIEW_LENGTH, empty_message=_("Write a few words with your rating.")
    )
    limits.check_post(user, texts=[text])
    try:
        with transaction.atomic():
            made = MentorshipReview.objects.create(
                mentorship=mentorship, side=side, author=user, rating=rating, text=text
            )
    except IntegrityError as error:
        raise CommunityError(_("You have already reviewed this mentorship.")) from error
    limits.record_post(user, REPORT_KIND, made.pk)
    return made
