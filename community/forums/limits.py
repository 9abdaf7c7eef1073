"""How fast a person may post in the forums, and what a new account may not post.

Everyone: a number of posts per hour (setting FORUM_POSTS_PER_HOUR). A new account
(its first day): no links, at most one photo per post. Read from settings at each call
so tests and environments can change them."""

import re
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import moderates
from .errors import InvalidPost, TooFast

NEW_ACCOUNT_AGE = timedelta(days=1)
# What a phone would turn into a link: a scheme, "www.", or a name.tld people type.
LINK = re.compile(
    r"(\b[a-z][a-z0-9+.-]*://|\bwww\.|\b[a-z0-9-]+\.(com|net|org|info|biz|cm|fr|io|me|ly|co|xyz)\b)",
    re.IGNORECASE,
)


def posts_per_hour():
    return getattr(settings, "FORUM_POSTS_PER_HOUR", 30)


def is_new_member(user):
    return not moderates(user) and timezone.now() - user.date_joined < NEW_ACCOUNT_AGE


def check_post(user, *, texts=(), photos=0):
    """Raise TooFast or InvalidPost unless `user` may post this now."""
    _check_links(user, texts)
    if photos > 1 and is_new_member(user):
        raise InvalidPost(_("New members can post one photo at a time. Keep one photo."))
    if moderates(user):
        return
    key = f"forums:posted:{user.pk}:{int(time.time() // 3600)}"
    if (cache.get(key) or 0) >= posts_per_hour():
        raise TooFast(_("You are posting too fast. Wait a little, then try again."))


def check_edit(user, *, texts=()):
    """An edit adds no post, but a new member's edit may not slip a link in."""
    _check_links(user, texts)


def record_post(user, post):
    key = f"forums:posted:{user.pk}:{int(time.time() // 3600)}"
    cache.add(key, 0, timeout=2 * 3600)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=2 * 3600)


def _check_links(user, texts):
    if is_new_member(user) and any(text and LINK.search(text) for text in texts):
        raise InvalidPost(
            _(
                "New members can't post links during their first days. "
                "Remove the link and post again."
            )
        )
