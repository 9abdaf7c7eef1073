"""Lesson videos and posters, streamed when enrolment says the reader may see them."""

from django.http import Http404
from django.views.decorators.http import require_safe

from core.private_files import serve_private
from course_pages.models import LessonPage, LessonVideo
from enrolment.media_access import refuse_media, video_access

VARIANT_FIELDS = {"360": "file_360", "720": "file_720", "poster": "poster"}


@require_safe
def lesson_video_file(request, lesson_id, video_id, variant):
    field_name = VARIANT_FIELDS.get(variant)
    if field_name is None:
        raise Http404
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None or video_id not in lesson_video_ids(lesson):
        raise Http404
    decision = video_access(request.user, lesson)
    if not decision.allowed:
        return refuse_media(request, decision)
    video = LessonVideo.objects.filter(pk=video_id).first()
    stored = getattr(video, field_name, None)
    if not stored:
        raise Http404
    return serve_private(request, stored)


def lesson_video_ids(lesson):
    """Videos chosen in the lesson body, read from the raw JSON (no snippet queries)."""
    return {
        block["value"].get("video")
        for block in lesson.body.raw_data
        if block.get("type") == "video" and isinstance(block.get("value"), dict)
    }
