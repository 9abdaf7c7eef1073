"""Enrolment in the Wagtail admin: the support menu's enrolments and practice work, and
course reviews in the moderation menu."""

from wagtail import hooks

from .admin_viewsets import EnrolmentViewSet, SubmissionViewSet
from .review_admin import CourseReviewViewSet


@hooks.register("register_admin_viewset")
def register_enrolment_viewsets():
    return [EnrolmentViewSet(), SubmissionViewSet()]


@hooks.register("register_admin_viewset")
def register_course_review_viewset():
    return CourseReviewViewSet()
