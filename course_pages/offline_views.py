"""The offline manifest of a lesson: what the phone fetches to keep it. Asked by the
lesson page's "Save for offline" button; only a student who may keep the lesson
(enrolment.offline) gets it."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from course_pages.models import LessonPage
from course_pages.offline import offline_copy
from enrolment.offline import may_keep


def _json(body, status=200):
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def lesson_manifest(request, lesson_id):
    if not request.user.is_authenticated:
        return _json({"error": _("Log in to save lessons for offline.")}, status=401)
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None:
        return _json({"error": _("This lesson is no longer available.")}, status=404)
    if not may_keep(request.user, lesson):
        return _json(
            {"error": _("Only students enrolled in this course can save it for offline.")},
            status=403,
        )
    body = offline_copy(lesson, request).as_manifest()
    body["title"] = lesson.title
    return _json(body)
