"""Following a thread: subscribed people hear of its new posts (community.forums.notices)."""

from django.utils.translation import gettext as _

from ..models import Subscription
from .access import may_read
from .errors import NotAllowed


def set_subscribed(*, user, thread, subscribed):
    if not may_read(user, thread.forum):
        raise NotAllowed(_("You can't post in this forum."))
    Subscription.objects.update_or_create(thread=thread, user=user, defaults={"active": subscribed})


def is_subscribed(user, thread):
    return Subscription.objects.filter(thread=thread, user=user, active=True).exists()
