"""Wagtail admin hooks of the course app, one module per concern."""

from . import documents, permissions, translation_status, translation_workflow, video  # noqa: F401
