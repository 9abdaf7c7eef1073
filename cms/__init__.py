"""Project package: settings, URLs, WSGI and Celery wiring only — no models."""

from .celery import app as celery_app

__all__ = ("celery_app",)
