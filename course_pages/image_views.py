"""Wagtail images and renditions, served from private storage.

An image used only in the body of paid lessons is shown only to people who may open
one of those lessons. Any other image (a course cover, an instructor photo, a
portfolio picture, an image used in a free preview lesson, or not used at all) is
public and cached for a year: its file name changes when its content does."""

import mimetypes
import posixpath

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.views.decorators.http import require_safe
from wagtail.models import ReferenceIndex

from core.private_files import serve_private
from course_pages.models import AcademyImage, AcademyRendition, LessonPage
from enrolment.access import lesson_access

PUBLIC = "public"
GATE_CACHE_SECONDS = 5 * 60
PUBLIC_CACHE_CONTROL = "public, max-age=31536000, immutable"
IMAGE_TYPES = {".webp": "image/webp", ".avif": "image/avif", ".heic": "image/heic"}


@require_safe
def image_file(request, name):
    image, stored = find_image_file(name)
    gate = image_gate(image)
    if gate != PUBLIC:
        lessons = LessonPage.objects.filter(pk__in=gate)
        if not any(lesson_access(request.user, lesson).allowed for lesson in lessons):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
    if settings.PRIVATE_MEDIA_REDIRECT:
        # Not serve_private(): our storage's url() is this very view.
        response = HttpResponseRedirect(stored.storage.signed_url(stored.name))
        response["Cache-Control"] = "private, no-store"  # signed URLs expire
        return response
    response = serve_private(request, stored, content_type=image_content_type(stored.name))
    if gate == PUBLIC and response.status_code in (200, 206):
        response["Cache-Control"] = PUBLIC_CACHE_CONTROL
    return response


def find_image_file(name):
    """(image, field file) for a rendition or an original image file name, or 404."""
    rendition = AcademyRendition.objects.select_related("image").filter(file=name).first()
    if rendition is not None:
        return rendition.image, rendition.file
    image = AcademyImage.objects.filter(file=name).first()
    if image is None:
        raise Http404
    return image, image.file


def image_gate(image):
    """PUBLIC, or the ids of the lessons whose access opens this image (cached)."""
    key = f"course_pages:image-gate:{image.pk}"
    gate = cache.get(key)
    if gate is None:
        gate = compute_image_gate(image)
        cache.set(key, gate, GATE_CACHE_SECONDS)
    return gate


def compute_image_gate(image):
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    users = set(
        ReferenceIndex.get_references_to(image)
        .values_list("content_type_id", "object_id")
        .distinct()
    )
    if not users or any(content_type_id != lesson_type.pk for content_type_id, _ in users):
        return PUBLIC  # unused, or also shown outside lessons (a cover, a portfolio…)
    lessons = LessonPage.objects.filter(pk__in=[int(pk) for _, pk in users])
    previews = {lesson.pk: lesson.is_preview for lesson in lessons.only("pk", "is_preview")}
    if not previews or any(previews.values()):
        return PUBLIC  # a free preview shows it to everyone anyway
    return sorted(previews)


def image_content_type(name):
    extension = posixpath.splitext(name)[1].lower()
    return IMAGE_TYPES.get(extension) or mimetypes.guess_type(name)[0] or "image/jpeg"
