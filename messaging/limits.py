"""Per-person limits on writing: messages per minute for everyone, and for an
account's first day a cap on new conversations and no links (spam comes from new
accounts). Limits are read from settings at each call so tests can change them."""

import re
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.roles import is_moderator

from .errors import InvalidMessage, TooFast
from .models import Conversation

NEW_ACCOUNT_AGE = timedelta(days=1)
# What a phone would turn into a link: a scheme, "www.", or a name.tld people type.
LINK = re.compile(
    r"(\b[a-z][a-z0-9+.-]*://|\bwww\.|\b[a-z0-9-]+\.(com|net|org|info|biz|cm|fr|io|me|ly|co|xyz)\b)",
    re.IGNORECASE,
)


def messages_per_minute():
    return getattr(settings, "MESSAGING_MESSAGES_PER_MINUTE", 30)


def new_account_conversations_per_day():
    return getattr(settings, "MESSAGING_NEW_ACCOUNT_CONVERSATIONS", 20)


def is_new_account(user):
    return not is_moderator(user) and timezone.now() - user.date_joined < NEW_ACCOUNT_AGE


def take_message_slot(user):
    """Count one message in this minute's window; refuse beyond the limit."""
    key = f"messaging:sent:{user.pk}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    if count > messages_per_minute():
        raise TooFast(_("You are sending messages too fast. Wait a minute, then send it again."))


def check_new_conversation(user):
    if not is_new_account(user):
        return
    limit = new_account_conversations_per_day()
    started = Conversation.objects.filter(
        started_by=user, created_at__gte=timezone.now() - NEW_ACCOUNT_AGE
    ).count()
    if started >= limit:
        raise TooFast(
            ngettext(
                "A new account may start %(count)d conversation on its first day. Try again tomorrow.",
                "A new account may start %(count)d conversations on its first day. Try again tomorrow.",
                limit,
            )
            % {"count": limit}
        )


def check_links(user, text):
    if text and is_new_account(user) and LINK.search(text):
        raise InvalidMessage(
            _("New accounts can't send links on their first day. Remove the link and send again.")
        )
