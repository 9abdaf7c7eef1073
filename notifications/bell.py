"""The header bell: its count, and the live update open pages receive."""

import logging

from django.db import transaction

from core import realtime

from .selectors import BELL_CAP, unread_count

logger = logging.getLogger(__name__)


def label(count):
    return f"{BELL_CAP}+" if count > BELL_CAP else str(count)


def publish_unread(user_id):
    """Tell the person's open pages their unread count, counted now (after the commit),
    so two quick notifications never leave an older number showing."""
    event = {"type": "notifications", "unread": unread_count(user_id)}
    try:
        realtime.publish([user_id], event)
    except Exception:
        # Live updates are a courtesy: pages that miss one catch up by polling.
        logger.warning("Could not publish the bell count of person %s", user_id, exc_info=True)


def publish_after_commit(user_id):
    transaction.on_commit(lambda: publish_unread(user_id))
