"""A guide PDF used in a lesson is served only to people who may open that lesson."""

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseForbidden
from wagtail import hooks
from wagtail.models import ReferenceIndex

from course_pages.models import LessonPage
from enrolment.access import lesson_access


def lessons_using(document):
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(content_type=lesson_type)
        .values_list("object_id", flat=True)
    )
    return LessonPage.objects.filter(pk__in=[int(pk) for pk in page_ids])


@hooks.register("before_serve_document")
def check_lesson_access(document, request):
    lessons = list(lessons_using(document))
    if not lessons:
        return None  # not lesson material: public like any site document
    if any(lesson_access(request.user, lesson).allowed for lesson in lessons):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return HttpResponseForbidden()
