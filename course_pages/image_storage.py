"""Kept only because landed migrations import this path (never edit a landed
migration); the code lives in core.image_storage."""

from core.image_storage import image_storage

__all__ = ["image_storage"]
