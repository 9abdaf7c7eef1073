"""Messaging context "course": a student enrolled in a course (active or completed)
and its instructor may write to each other. The id is the default-locale course page's."""

from django.db.models import Q
from wagtail.models import Page

from messaging import contexts

from .models import Enrolment

WRITING_STATUSES = (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)


def _course_id(object_id):
    try:
        return int(object_id)
    except (TypeError, ValueError):
        return None


def may_write(user, object_id, other):
    course_id = _course_id(object_id)
    if course_id is None or user.pk == other.pk:
        return False
    return Enrolment.objects.filter(
        Q(user=user, course__instructor__user=other) | Q(user=other, course__instructor__user=user),
        course_id=course_id,
        status__in=WRITING_STATUSES,
    ).exists()


def _page(object_id):
    page = Page.objects.filter(pk=_course_id(object_id) or 0).first()
    if page is None:
        raise LookupError(object_id)
    return page.localized


def title(object_id):
    return _page(object_id).title


def url(object_id):
    return _page(object_id).url or ""


def register():
    contexts.register(
        contexts.ConversationContext(kind="course", may_write=may_write, title=title, url=url)
    )
