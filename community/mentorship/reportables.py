"""Mentor offers and mentorship reviews in the community's reports (community.reports):
whoever may see one may report it; enough reports hide it until a moderator decides."""

from django.utils.translation import gettext_lazy as _

from core.roles import is_moderator

from .. import reports
from ..models import MentorOffer, MentorshipReview
from .ending import REPORT_KIND as REVIEW_KIND
from .offers import REPORT_KIND as OFFER_KIND


def _offer_seen(user, offer):
    return user.is_authenticated and (offer.is_visible or is_moderator(user))


def _review_seen(user, review):
    """A review shows on the mentor's offer (the beginner's) and to the two people."""
    if not user.is_authenticated:
        return False
    if is_moderator(user):
        return True
    if not review.is_visible:
        return False
    mentorship = review.mentorship
    if user.pk in (mentorship.mentor_id, mentorship.mentee_id):
        return True
    return review.side == MentorshipReview.Side.MENTEE and mentorship.offer_id is not None


def _review_url(review):
    mentorship = review.mentorship
    if review.side == MentorshipReview.Side.MENTEE and mentorship.offer is not None:
        return mentorship.offer.get_absolute_url() + f"#review{review.pk}"
    return mentorship.get_absolute_url() + f"#review{review.pk}"


def register():
    reports.register(
        reports.Reportable(
            kind=OFFER_KIND,
            model=MentorOffer,
            may_see=_offer_seen,
            excerpt=lambda offer: offer.bio,
            url=lambda offer: offer.get_absolute_url(),
            author_id=lambda offer: offer.user_id,
            author_field="user",
            label=_("Offer to mentor"),
        )
    )
    reports.register(
        reports.Reportable(
            kind=REVIEW_KIND,
            model=MentorshipReview,
            may_see=_review_seen,
            excerpt=lambda review: f"{review.rating}/5 · {review.text}",
            url=_review_url,
            author_id=lambda review: review.author_id,
            label=_("Mentorship review"),
        )
    )
