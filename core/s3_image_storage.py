"""Wagtail images on the private bucket (production): a module of its own so that
development and tests never import boto3."""

from storages.backends.s3 import S3Storage

from core.image_storage import GatedURLMixin


class GatedS3ImageStorage(GatedURLMixin, S3Storage):
    """url() is the access-checking view; signed_url() expires after a few minutes."""
