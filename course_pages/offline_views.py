"""The offline manifests: what the phone fetches to keep a lesson, or every lesson of a
course. Asked by the "Save for offline" buttons of the lesson and course pages; only a
student who may keep the course (enrolment.offline) gets them."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from course_pages.models import CoursePage, LessonPage
from course_pages.offline import offline_copy
from enrolment.offline import may_keep_course


def _json(body, status=200):
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def _refusal(request, course, gone):
    """The error answer when she may not keep this course's lessons, else None."""
    if not request.user.is_authenticated:
        return _json({"error": _("Log in to save lessons for offline.")}, status=401)
    if course is None:
        return _json({"error": gone}, status=404)
    if not may_keep_course(request.user, course):
        return _json(
            {"error": _("Only students enrolled in this course can save it for offline.")},
            status=403,
        )
    return None


def _course_of(course, request):
    """Saved lessons are grouped by this on the "Saved for offline" page."""
    return {"id": course.pk, "title": course.title, "page": course.get_url(request)}


def _lesson_manifest(lesson, course, request):
    body = offline_copy(lesson, request).as_manifest()
    body["title"] = lesson.title
    body["course"] = _course_of(course, request)
    return body


@require_GET
def lesson_manifest(request, lesson_id):
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    course = lesson.course if lesson is not None else None
    refusal = _refusal(request, course, _("This lesson is no longer available."))
    if refusal is not None:
        return refusal
    return _json(_lesson_manifest(lesson, course, request))


@require_GET
def course_manifest(request, course_id):
    """Every live lesson of the course, in the course page's language, with the totals
    the course page shows before saving."""
    course = CoursePage.objects.live().filter(pk=course_id).first()
    refusal = _refusal(request, course, _("This course is no longer available."))
    if refusal is not None:
        return refusal
    # Whole pages (course.lessons holds only what the lesson list shows): the copies
    # read each lesson's body, and the sizes are cached per lesson revision.
    pages = LessonPage.objects.live().child_of(course).order_by("path")
    lessons = [_lesson_manifest(lesson, course, request) for lesson in pages]
    return _json(
        {
            **_course_of(course, request),
            "lessons": lessons,
            "bytes_without_video": sum(item["bytes_without_video"] for item in lessons),
            "video_bytes": sum(item["video_bytes"] for item in lessons),
        }
    )
