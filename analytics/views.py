"""The instructor dashboard (under /teach/), its CSV exports, the encouragement tap,
and the lesson player's progress beacon. Thin: the numbers come from dashboard.py."""

import csv

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.page_locales import canonical
from core.rate_limits import rate_limit
from core.roles import is_moderator
from enrolment import selectors as learning
from enrolment.access import lesson_access

from . import dashboard, selectors, services
from .models import Event

QUARTILES = {"25": 25, "50": 50, "75": 75, "100": 100}
MAX_VIDEO_ID = 12


def period_from(request):
    """The period asked for (``?days=``), 30 days when it is not one offered."""
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    return days if days in selectors.PERIODS else 30


def _courses(request, course_id=None):
    """The courses shown: hers (all for a moderator); one of them when asked. Someone
    else's course is not found, whoever asks."""
    courses = learning.courses_taught(request.user).select_related("instructor").order_by("title")
    if course_id is None:
        courses = list(courses)
        if not courses and not is_moderator(request.user):
            raise Http404
        return courses, None
    course = get_object_or_404(courses, pk=course_id)
    return [course], course


def _build(request, course_id):
    courses, course = _courses(request, course_id)
    days = period_from(request)
    built = dashboard.build(user=request.user, courses=courses, course=course, days=days)
    return courses, course, days, built


@login_required
def overview(request, course_id=None):
    courses, course, days, built = _build(request, course_id)
    return render(
        request,
        "analytics/dashboard.html",
        {
            "courses": courses,
            "course": course,
            "course_title": built["course_titles"][0][1] if course is not None else "",
            "days": days,
            "periods": selectors.PERIODS,
            **built,
        },
    )


@login_required
def export(request, table, course_id=None):
    _courses_shown, course, days, built = _build(request, course_id)
    found = built["tables"].get(table)
    if found is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    scope = f"course-{course.pk}" if course else "all"
    response["Content-Disposition"] = f'attachment; filename="{table}-{scope}-{days}d.csv"'
    writer = csv.writer(response)
    writer.writerow([str(header) for header in found.headers])
    writer.writerows(found.rows)
    return response


@login_required
@require_POST
@rate_limit("RATELIMIT_ENCOURAGEMENT", key="user")
def encourage(request, course_id, user_id):
    _courses_shown, course = _courses(request, course_id)
    student = get_object_or_404(get_user_model(), pk=user_id)
    enrolment = learning.enrolment_for(user=student, course=course)
    if enrolment is None or enrolment.status != enrolment.Status.ACTIVE:
        messages.error(request, _("This person is not following this course."))
    else:
        services.encourage(student=student, course_title=course.title, url=course.url)
        messages.success(request, _("Encouragement sent."))
    return redirect("teaching_stats:course", course_id=course.pk)


@login_required
@require_POST
@rate_limit("RATELIMIT_VIDEO_PROGRESS", key="user")
def video_progress(request):
    """The player says a student reached a quarter of a lesson's video. Refused unless
    the student may open the lesson; nothing else is stored than the ids and quarter."""
    lessons = learning.lessons_with_ids(
        [request.POST["lesson"]] if request.POST.get("lesson", "").isdigit() else []
    )
    quartile = QUARTILES.get(request.POST.get("quartile", ""))
    video = request.POST.get("video", "")
    if not lessons or quartile is None or not video.isdigit() or len(video) > MAX_VIDEO_ID:
        return HttpResponseBadRequest(_("Unknown lesson, video or progress."))
    lesson = next(iter(lessons.values()))
    if not lesson_access(request.user, lesson).allowed:
        return HttpResponse(status=403)
    course = canonical(lesson.course)
    services.track(
        Event.Kind.VIDEO_PROGRESS,
        user_id=request.user.pk,
        course_id=course.pk,
        lesson_id=canonical(lesson).pk,
        props={"video": int(video), "quartile": quartile},
    )
    return HttpResponse(status=204)
