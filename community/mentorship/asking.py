"""A beginner asks a mentor; the mentor accepts (for 2 to 12 weeks) or declines; the
beginner may withdraw her request while it waits. Capacity is checked with the offer's
row locked, so two answers at the same moment cannot both take the last place."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import limits
from ..errors import CommunityError, InvalidInput, NotAllowed
from ..models import MentorOffer, Mentorship
from ..models.mentorship import DEFAULT_WEEKS, MAX_WEEKS, MIN_WEEKS
from ..text import clean_text
from . import notices
from .offers import active_count

Status = Mentorship.Status
OPEN = (Status.REQUESTED, Status.ACTIVE)
MAX_MESSAGE_LENGTH = 1000
MAX_REASON_LENGTH = 500
POST_KIND = "mentorship_request"


def _locked_offer(offer_id):
    return MentorOffer.objects.select_for_update().filter(pk=offer_id).first()


def full_message():
    return _("This mentor has no place free now. Ask another mentor, or try again later.")


@transaction.atomic
def ask(*, user, offer, message):
    """`user` asks the offer's mentor to mentor her; returns the request."""
    if not user.is_authenticated or not user.is_active:
        raise NotAllowed(_("Log in to ask for a mentor."))
    offer = _locked_offer(offer.pk)
    if offer is None or not offer.is_visible:
        raise NotAllowed(_("This mentor is not taking beginners now."))
    if offer.user_id == user.pk:
        raise InvalidInput(_("You can't ask yourself to be your mentor."))
    if offer.is_paused:
        raise NotAllowed(_("This mentor is not taking beginners now."))
    current = Mentorship.objects.filter(mentor_id=offer.user_id, mentee=user, status__in=OPEN)
    if current.exists():
        raise CommunityError(already_message(current.first()))
    if active_count(offer) >= offer.capacity:
        raise CommunityError(full_message())
    message = clean_text(
        message,
        limit=MAX_MESSAGE_LENGTH,
        empty_message=_("Say in a few words what you would like to learn."),
    )
    limits.check_post(user, texts=[message])
    try:
        with transaction.atomic():
            request = Mentorship.objects.create(
                offer=offer, mentor_id=offer.user_id, mentee=user, message=message
            )
    except IntegrityError as error:
        raise CommunityError(
            _("You have already asked this mentor. Wait for her answer.")
        ) from error
    limits.record_post(user, POST_KIND, request.pk)
    transaction.on_commit(lambda: notices.requested(request.pk))
    return request


def already_message(mentorship):
    if mentorship.status == Status.ACTIVE:
        return _("This person is already your mentor.")
    return _("You have already asked this mentor. Wait for her answer.")


def _answerable(by, mentorship):
    """The request, locked, once we know `by` may answer it (the offer is locked first)."""
    if mentorship.offer_id is not None:
        _locked_offer(mentorship.offer_id)
    mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    if not by.is_authenticated or mentorship.mentor_id != by.pk:
        raise NotAllowed(_("Only the mentor who was asked can answer this request."))
    if mentorship.status != Status.REQUESTED:
        raise CommunityError(_("This request was already answered."))
    if mentorship.mentee_id is None:
        raise CommunityError(_("This person deleted her account."))
    return mentorship


def clean_weeks(weeks):
    try:
        weeks = int(weeks)
    except (TypeError, ValueError):
        weeks = 0
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise InvalidInput(_("Choose how long the mentorship lasts: 2 to 12 weeks."))
    return weeks


@transaction.atomic
def accept(*, by, mentorship, weeks=DEFAULT_WEEKS):
    """The mentor accepts: the mentorship starts now and lasts `weeks` weeks."""
    mentorship = _answerable(by, mentorship)
    weeks = clean_weeks(weeks)
    offer = mentorship.offer
    if offer is None:
        raise NotAllowed(_("Make an offer to mentor before you accept a beginner."))
    taken = active_count(offer)
    if taken >= offer.capacity:
        raise CommunityError(
            ngettext(
                "You already mentor %(count)d beginner, as many as your capacity. "
                "End a mentorship or raise your capacity first.",
                "You already mentor %(count)d beginners, as many as your capacity. "
                "End a mentorship or raise your capacity first.",
                taken,
            )
            % {"count": taken}
        )
    now = timezone.now()
    mentorship.status = Status.ACTIVE
    mentorship.weeks = weeks
    mentorship.answered_at = now
    mentorship.ends_at = now + timedelta(weeks=weeks)
    mentorship.save(update_fields=["status", "weeks", "answered_at", "ends_at"])
    transaction.on_commit(lambda: notices.answered(mentorship.pk))
    return mentorship


@transaction.atomic
def decline(*, by, mentorship, reason=""):
    mentorship = _answerable(by, mentorship)
    mentorship.decline_reason = clean_text(reason, limit=MAX_REASON_LENGTH, required=False)
    mentorship.status = Status.DECLINED
    mentorship.answered_at = timezone.now()
    mentorship.save(update_fields=["status", "decline_reason", "answered_at"])
    transaction.on_commit(lambda: notices.answered(mentorship.pk))
    return mentorship


@transaction.atomic
def withdraw(*, user, mentorship):
    """The beginner takes back a request the mentor has not answered."""
    mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    if not user.is_authenticated or mentorship.mentee_id != user.pk:
        raise NotAllowed(_("Only the person who asked can withdraw this request."))
    if mentorship.status != Status.REQUESTED:
        raise CommunityError(_("This request was already answered."))
    mentorship.status = Status.WITHDRAWN
    mentorship.answered_at = timezone.now()
    mentorship.save(update_fields=["status", "answered_at"])
    return mentorship
