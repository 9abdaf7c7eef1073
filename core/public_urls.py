"""Full addresses of our own pages, for what leaves the site (e-mails, calendar files,
the video service's callbacks): the public origin is WAGTAILADMIN_BASE_URL."""

from django.conf import settings


def absolute_url(path, *, origin=None):
    """`path` on the public origin (or on `origin`, when a caller has its own)."""
    return (origin or settings.WAGTAILADMIN_BASE_URL).rstrip("/") + path
