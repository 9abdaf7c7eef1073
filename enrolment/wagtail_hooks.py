"""Enrolment in the Wagtail admin: the support menu's enrolments and practice work, exam
attempts (moderators and instructors), and course reviews in the moderation menu."""

from wagtail import hooks

from .admin_viewsets import EnrolmentViewSet, SubmissionViewSet
from .exam_admin import ExamAttemptViewSet
from .review_admin import CourseReviewViewSet


@hooks.register("register_admin_viewset")
def register_enrolment_viewsets():
    return [EnrolmentViewSet(), SubmissionViewSet(), ExamAttemptViewSet()]


@hooks.register("register_admin_viewset")
def register_course_review_viewset():
    return CourseReviewViewSet()
