"""Rating, reviewing and answering reviews from the course page. Thin: each calls one
service in enrolment.reviews and goes back to the course page's reviews."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.rate_limits import rate_limit

from . import reviews
from .errors import LearningError
from .models import CourseReview
from .pages import course_model

# Longer than any review: what is beyond is refused by the service, not cut silently.
READ_AT_MOST = reviews.MAX_REVIEW_LENGTH + 1
# Rating, changing a review and answering one draw on one budget per person.
RATE_GROUP = "course_reviews"


def _back_to_reviews(course):
    return redirect(f"{course.url}#reviews")


def _rate_or_edit(request, course_id, service, done_message):
    course = get_object_or_404(course_model().objects.live(), pk=course_id)
    try:
        service(
            user=request.user,
            course=course,
            rating=request.POST.get("rating"),
            text=request.POST.get("text", "")[:READ_AT_MOST],
        )
    except LearningError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done_message)
    return _back_to_reviews(course)


@login_required
@require_POST
@rate_limit("RATELIMIT_COURSE_REVIEWS", key="user", group=RATE_GROUP)
def rate(request, course_id):
    return _rate_or_edit(request, course_id, reviews.rate_course, _("Thank you for your review."))


@login_required
@require_POST
@rate_limit("RATELIMIT_COURSE_REVIEWS", key="user", group=RATE_GROUP)
def edit(request, course_id):
    return _rate_or_edit(request, course_id, reviews.edit_review, _("Your review is updated."))


@login_required
@require_POST
@rate_limit("RATELIMIT_COURSE_REVIEWS", key="user", group=RATE_GROUP)
def answer(request, review_id):
    review = get_object_or_404(CourseReview, pk=review_id)
    try:
        reviews.answer_review(
            user=request.user, review=review, answer=request.POST.get("answer", "")[:READ_AT_MOST]
        )
    except LearningError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your answer is published under the review."))
    course = course_model().objects.get(pk=review.course_id)
    return _back_to_reviews(course.localized)
