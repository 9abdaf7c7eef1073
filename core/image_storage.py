"""Storage for Wagtail images and renditions: the files sit in private storage and
their URL is our own view, which checks who may see a lesson's images before serving
them (or, in production, redirecting to a short-lived signed URL on the bucket)."""

from django.core.files.storage import FileSystemStorage, storages
from django.urls import reverse


class GatedURLMixin:
    """`url()` is the access-checking view; `signed_url()` is the backend's own URL
    (a signed bucket URL on S3), used only after access has been granted."""

    def url(self, name):
        return reverse("course_media:image_file", args=[name])

    def signed_url(self, name):
        return super().url(name)


class GatedImageStorage(GatedURLMixin, FileSystemStorage):
    """Local files under PRIVATE_MEDIA_ROOT/images (dev, tests)."""


def image_storage():
    """Callable used as `storage=` on the image fields, so settings can swap it."""
    return storages["images"]
