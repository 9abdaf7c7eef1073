"""Which lessons a person may keep on her phone, and the name her saved copies go under.

The service worker asks on every reconnection and deletes every saved copy that is not
listed: logging out, a refund or a revoked enrolment removes them the next time the phone
is online. Enrolment is the only gate to offline copies, as to the lessons themselves."""

import hashlib

from django.db.models import Q
from django.utils.crypto import salted_hmac

from core.page_locales import canonical

from .access import subscription_opens
from .models import Enrolment
from .pages import lesson_model

SESSION_SALT = "enrolment.offline.session"


def offline_session_id(request):
    """A name for this login's saved copies, unguessable from outside and new at every
    login (the session key changes), so a copy saved in one session is not another's."""
    if not request.user.is_authenticated or not request.session.session_key:
        return ""
    return salted_hmac(SESSION_SALT, request.session.session_key).hexdigest()[:20]


def kept_courses(user):
    """The default-locale courses whose lessons she may keep offline: those she is
    enrolled in (a subscription's enrolment only while the subscription runs)."""
    if not user.is_authenticated:
        return []
    enrolments = (
        Enrolment.objects.filter(user=user)
        .exclude(status=Enrolment.Status.REVOKED)
        .select_related("course")
    )
    return [
        enrolment.course
        for enrolment in enrolments
        if enrolment.source != Enrolment.Source.SUBSCRIPTION
        or subscription_opens(user, enrolment.course)
    ]


def offline_lessons(user):
    """Every live lesson page, in every language, she may keep offline (one query for
    the pages whatever the number of courses)."""
    courses = kept_courses(user)
    if not courses:
        return []
    lesson_type = lesson_model()
    under_a_course = Q()
    for course in courses:
        under_a_course |= Q(path__startswith=course.path, depth=course.depth + 1)
    keys = lesson_type.objects.live().filter(under_a_course).values("translation_key")
    return list(
        lesson_type.objects.live()
        .filter(translation_key__in=keys)
        .only("id", "url_path", "path", "depth", "locale_id", "translation_key")
        .order_by("pk")
    )


def entitlement(request):
    """The small list the service worker checks saved copies against."""
    lessons = [
        {"id": lesson.pk, "url": lesson.get_url(request)}
        for lesson in offline_lessons(request.user)
    ]
    session = offline_session_id(request)
    version = hashlib.sha256(
        (session + "|" + ",".join(str(item["id"]) for item in lessons)).encode()
    ).hexdigest()[:12]
    return {"session": session, "version": version, "lessons": lessons}


def may_keep(user, lesson):
    """Whether she may save this lesson now (the lesson page shows the button)."""
    return may_keep_course(user, lesson.course)


def may_keep_course(user, course):
    """Whether she may save the lessons of this course (in any of its languages)."""
    course = canonical(course)
    return any(kept.pk == course.pk for kept in kept_courses(user))
