"""The header's unread-message count, kept per person in the cache: every signed-in
page draws it, and it changes only when a message arrives, a conversation is read, or
a seat is left or taken back. Each of those forgets the counts it changes, now and
again after the commit (a page drawn while the change was not yet committed may have
kept the old count); the short lifetime only bounds a change made some other way."""

from django.core.cache import cache
from django.db import transaction

from . import selectors

SECONDS = 60


def _key(user_id):
    return f"unread-messages:{user_id}"


def unread_total(user):
    """selectors.unread_total, from the cache when it is there."""
    return cache.get_or_set(_key(user.pk), lambda: selectors.unread_total(user), SECONDS)


def forget(user_ids):
    keys = [_key(user_id) for user_id in set(user_ids)]
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def forget_seat(sender, instance, **kwargs):
    """Signal receiver: a seat saved or deleted (read marks, the admin, a deletion)."""
    forget([instance.user_id])
