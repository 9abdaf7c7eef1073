"""Course ratings and reviews: writes and the rollup the pages read.

A review points at the default-locale course, like an enrolment. Every change that
moves the average rewrites CourseRating and makes the course's cached pages (in every
language, and the catalogue pages listing it) stale after commit."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from core.page_invalidation import content_changed
from core.roles import is_moderator, teaches

from .errors import InvalidAnswer, NotAllowed, NotEnrolled
from .models import CourseRating, CourseReview, Enrolment
from .motivation import services as motivation
from .selectors import canonical, course_progress

MAX_REVIEW_LENGTH = CourseReview.MAX_TEXT


def _clean_rating(rating):
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise InvalidAnswer(_("Choose a rating from 1 to 5 stars."))
    return rating


def _clean_text(text):
    text = (text or "").strip()
    if len(text) > MAX_REVIEW_LENGTH:
        raise InvalidAnswer(
            _("Shorten your review to %(limit)d characters at most.") % {"limit": MAX_REVIEW_LENGTH}
        )
    return text


def may_review(*, user, course):
    """None when she may rate this course, else the translated reason why not."""
    if not user.is_authenticated:
        return _("Log in to rate this course.")
    enrolment = (
        Enrolment.objects.filter(user=user, course=canonical(course))
        .exclude(status=Enrolment.Status.REVOKED)
        .first()
    )
    if enrolment is None:
        return _("Only students of this course can rate it.")
    done, total, _percent = course_progress(enrolment)
    if total == 0 or 2 * done < total:
        return _("You can rate this course once you have done half of its lessons.")
    return None


@transaction.atomic
def rate_course(*, user, course, rating, text=""):
    """Her first rating of a course, with an optional review. Returns the review."""
    course = canonical(course)
    rating, text = _clean_rating(rating), _clean_text(text)
    refusal = may_review(user=user, course=course)
    if refusal is not None:
        raise NotEnrolled(refusal)
    try:
        with transaction.atomic():
            review = CourseReview.objects.create(user=user, course=course, rating=rating, text=text)
    except IntegrityError as error:
        raise NotAllowed(
            _("You have already rated this course: change your review instead.")
        ) from error
    motivation.course_review_written(user_id=user.pk, course_id=course.pk)
    _rollup(course)
    return review


@transaction.atomic
def edit_review(*, user, course, rating, text=""):
    """She changes her own rating or review."""
    course = canonical(course)
    rating, text = _clean_rating(rating), _clean_text(text)
    review = (
        CourseReview.objects.select_for_update().filter(user=user, course=course).first()
        if user.is_authenticated
        else None
    )
    if review is None:
        raise NotAllowed(_("You have not rated this course yet."))
    review.rating, review.text = rating, text
    review.save(update_fields=["rating", "text", "updated_at"])
    _rollup(course)
    return review


@transaction.atomic
def answer_review(*, user, review, answer):
    """The course's instructor answers a review, once."""
    review = (
        CourseReview.objects.select_for_update()
        .select_related("course__instructor")
        .get(pk=review.pk)
    )
    if not teaches(user, review.course):
        raise NotAllowed(_("Only the course's instructor can answer its reviews."))
    if review.answered_at is not None:
        raise NotAllowed(_("You have already answered this review."))
    answer = _clean_text(answer)
    if not answer:
        raise InvalidAnswer(_("Write your answer first."))
    review.answer, review.answered_at = answer, timezone.now()
    review.save(update_fields=["answer", "answered_at"])
    _pages_changed(review.course)
    return review


@transaction.atomic
def hide_review(*, moderator, review):
    """A moderator hides an abusive review: gone from the page and from the average."""
    if not is_moderator(moderator):
        raise NotAllowed(_("Only a moderator can hide a review."))
    review = CourseReview.objects.select_for_update().get(pk=review.pk)
    review.visibility = CourseReview.Visibility.REMOVED
    review.hidden_by, review.hidden_at = moderator, timezone.now()
    review.save(update_fields=["visibility", "hidden_by", "hidden_at"])
    _rollup(review.course)
    return review


def visibility_changed(review):
    """Called when community reports hide or restore a review."""
    _rollup(review.course)


def _rollup(course):
    figures = CourseReview.objects.filter(
        course=course, visibility=CourseReview.Visibility.VISIBLE
    ).aggregate(count=Count("pk"), average=Avg("rating"))
    average = Decimal(str(figures["average"] or 0)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    CourseRating.objects.update_or_create(
        course=course, defaults={"count": figures["count"], "average": average}
    )
    _pages_changed(course)


def _pages_changed(course):
    # Now and again once the change commits (core.cache_tags.invalidate): what a page
    # keeps of its reviews (enrolment.selectors.course_reviews) follows the same tags.
    content_changed(course)
