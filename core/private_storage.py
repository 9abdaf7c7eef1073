"""Private file storage: lesson media never sit under MEDIA_URL; a view that
checks access serves them (or, in production, redirects to a signed URL)."""

from django.core.files.storage import storages


def private_storage():
    """Callable used as `storage=` on private FileFields, so settings can swap it."""
    return storages["private"]
