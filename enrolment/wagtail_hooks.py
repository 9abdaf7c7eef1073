"""Course reviews in the Wagtail admin's moderation menu."""

from wagtail import hooks

from .admin_views import CourseReviewViewSet


@hooks.register("register_admin_viewset")
def register_course_review_viewset():
    return CourseReviewViewSet()
