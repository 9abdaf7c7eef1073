"""Wagtail images and renditions, served from private storage.

Whether the reader may see an image is enrolment's decision (enrolment.media_access):
an image used only in the body of paid lessons opens with those lessons. A public image
is cached for a year: its file name changes when its content does."""

import mimetypes
import posixpath

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.views.decorators.http import require_safe

from core.private_files import serve_private
from course_pages.models import AcademyImage, AcademyRendition
from enrolment.media_access import image_access, refuse_media

PUBLIC_CACHE_CONTROL = "public, max-age=31536000, immutable"
IMAGE_TYPES = {".webp": "image/webp", ".avif": "image/avif", ".heic": "image/heic"}


@require_safe
def image_file(request, name):
    image, stored = find_image_file(name)
    decision = image_access(request.user, image)
    if not decision.allowed:
        return refuse_media(request, decision)
    if settings.PRIVATE_MEDIA_REDIRECT:
        # Not serve_private(): our storage's url() is this very view.
        response = HttpResponseRedirect(stored.storage.signed_url(stored.name))
        response["Cache-Control"] = "private, no-store"  # signed URLs expire
        return response
    response = serve_private(request, stored, content_type=image_content_type(stored.name))
    if decision.reason == "public" and response.status_code in (200, 206):
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


def image_content_type(name):
    extension = posixpath.splitext(name)[1].lower()
    return IMAGE_TYPES.get(extension) or mimetypes.guess_type(name)[0] or "image/jpeg"
