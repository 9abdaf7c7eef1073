"""Kept only because landed migrations import this path (never edit a landed
migration); the code lives in core.private_storage."""

from core.private_storage import private_storage

__all__ = ["private_storage"]
