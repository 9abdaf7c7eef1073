"""Enrolment in the Wagtail admin: the support menu's enrolments and practice work."""

from wagtail import hooks

from .admin_viewsets import EnrolmentViewSet, SubmissionViewSet


@hooks.register("register_admin_viewset")
def register_enrolment_viewsets():
    return [EnrolmentViewSet(), SubmissionViewSet()]
