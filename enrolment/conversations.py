"""Messaging context "course": a student enrolled in a course (active or completed)
and its instructor may write to each other. The id is the default-locale course page's."""

from django.db.models import Q
from wagtail.models import Page

from messaging import contexts

from .models import Enrolment

WRITING_STATUSES = (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)


def may_write(user, object_id, other):
    course_id = contexts.object_pk(object_id)
    if course_id is None or user.pk == other.pk:
        return False
    return Enrolment.objects.filter(
        Q(user=user, course__instructor__user=other) | Q(user=other, course__instructor__user=user),
        course_id=course_id,
        status__in=WRITING_STATUSES,
    ).exists()


def register():
    # Course pages live in course_pages, above enrolment: any page by its id will do.
    contexts.register(
        contexts.page_context("course", pages=Page.objects.all(), may_write=may_write)
    )
