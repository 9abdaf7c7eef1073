"""The course and lesson page models, as enrolment's own foreign keys name them.

course_pages sits above enrolment (its pages call enrolment's selectors and services),
so enrolment never imports it. Like get_user_model(), these follow the string references
in models.py ("course_pages.CoursePage") to the classes, so the one link between the two
apps stays the one the schema already declares."""

from .models import Enrolment, LessonProgress


def course_model():
    return Enrolment._meta.get_field("course").related_model


def lesson_model():
    return LessonProgress._meta.get_field("lesson").related_model
