"""Wagtail admin hooks of the course app, one module per concern."""

from . import (  # noqa: F401
    cartridge,
    documents,
    my_courses_panel,
    permissions,
    translation_status,
    translation_workflow,
    video,
    workflow_labels,
)
