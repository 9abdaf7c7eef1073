"""Writes of messaging, for views, sockets, tasks and the apps that register contexts.
Each lives in its own small module; this one names them in one place."""

from .conversations import start_or_get_conversation, sync_group_seats
from .read_state import mark_all_delivered, mark_delivered, mark_read
from .safety import block, dismiss, hide, report, unblock
from .sending import send_photo, send_text, send_voice, start_with_text

__all__ = [
    "block",
    "dismiss",
    "hide",
    "mark_all_delivered",
    "mark_delivered",
    "mark_read",
    "report",
    "send_photo",
    "send_text",
    "send_voice",
    "start_or_get_conversation",
    "start_with_text",
    "sync_group_seats",
    "unblock",
]
