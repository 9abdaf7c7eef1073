"""The files of a lesson video in private storage: which they are, and removing
them once the rows that point at them are committed away."""

import logging

from django.db import transaction

from core.private_storage import private_storage

logger = logging.getLogger(__name__)

OUTPUT_FIELDS = ("poster", "file_360", "file_720")


def delete_files_on_commit(names):
    """Remove files from private storage once the rows pointing at them are gone
    (at once when no transaction is open)."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: _delete_files(names))


def video_files(video):
    return [video.original.name, *(getattr(video, name).name for name in OUTPUT_FIELDS)]


def _delete_files(names):
    storage = private_storage()
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # S3 and disk raise different errors; a leftover file is harmless.
            logger.warning("Could not delete %s", name, exc_info=True)
