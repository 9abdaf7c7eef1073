"""The header bell: its count, and the live update open pages receive."""

import logging

from django.core.cache import cache
from django.db import transaction

from core import realtime

from .selectors import BELL_CAP, unread_count

logger = logging.getLogger(__name__)


# Every signed-in page draws the bell: its count is kept per person, forgotten whenever
# it changes (forget_count). The lifetime only bounds a change made some other way.
HEADER_COUNT_SECONDS = 60


def _header_key(user_id):
    return f"bell-unread:{user_id}"


def header_count(user):
    """The bell's unread count as the header shows it: from the cache, else one query."""
    return cache.get_or_set(_header_key(user.pk), lambda: unread_count(user), HEADER_COUNT_SECONDS)


def forget_count(user_id):
    """Now and again after the commit: a page drawn while the change was not yet
    committed may have kept the old count."""
    cache.delete(_header_key(user_id))
    transaction.on_commit(lambda: cache.delete(_header_key(user_id)))


def forget_count_of_notification(sender, instance, **kwargs):
    """Signal receiver (a notification saved or deleted, the admin included)."""
    forget_count(instance.user_id)


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
    forget_count(user_id)
    transaction.on_commit(lambda: publish_unread(user_id))
