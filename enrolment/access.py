"""Who may open a lesson: everyone for a free preview; otherwise enrolled students,
the course's instructor and moderators. Enrolment is the only gate for students, except
that a running subscription opens the courses included in it."""

from dataclasses import dataclass

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse

from checkout.subscriptions import has_active_subscription
from core.page_locales import canonical
from core.roles import is_moderator, teaches
from enrolment.models import Enrolment
from enrolment.selectors import UNREAD, enrolment_for


@dataclass(frozen=True)
class AccessDecision:
    allowed: bool
    reason: str


def included_in_subscription(course):
    """Whether the subscription opens this course: the one place that decides it."""
    return canonical(course).included_in_subscription


def subscription_opens(user, course):
    """A running subscription opens the courses included in it."""
    return included_in_subscription(course) and has_active_subscription(user)


def lesson_access(user, lesson, *, enrolment=UNREAD):
    """`enrolment`: enrolment_for(user, course), when the caller has read it already."""
    course = lesson.course
    if lesson.is_preview:
        return AccessDecision(True, "preview")
    if is_moderator(user):
        return AccessDecision(True, "moderator")
    if teaches(user, course):
        return AccessDecision(True, "instructor")
    if not user.is_authenticated:
        return AccessDecision(False, "anonymous")
    if enrolment is UNREAD:
        enrolment = enrolment_for(user=user, course=course)
    # An enrolment made through the subscription lasts only as long as the subscription.
    if enrolment is not None and enrolment.source != Enrolment.Source.SUBSCRIPTION:
        return AccessDecision(True, "enrolled")
    if subscription_opens(user, course):
        return AccessDecision(True, "subscription")
    return AccessDecision(False, "not_enrolled")


def refuse_lesson(request, lesson, decision):
    if decision.reason == "anonymous":
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(
        request,
        "pages/lesson_locked.html",
        {"page": lesson, "course": lesson.course},
        status=403,
    )
