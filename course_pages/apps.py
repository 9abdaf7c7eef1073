from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursePagesConfig(AppConfig):
    name = "course_pages"
    verbose_name = _("Courses")

    def ready(self):
        from wagtail.models import AbstractPage, Page
        from wagtail.permissions import register_permission_policy

        from course_pages.permissions import InstructorAwarePagePermissionPolicy

        # Replaces Wagtail's default page policy for every page type.
        register_permission_policy(AbstractPage, InstructorAwarePagePermissionPolicy(Page))
