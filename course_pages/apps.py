from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursePagesConfig(AppConfig):
    name = "course_pages"
    verbose_name = _("Courses")
