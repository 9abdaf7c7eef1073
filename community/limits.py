"""Limits on posting in the community, for every kind of post (groups, wall resources,
later forum threads, replies and challenge entries).

Everyone: a number of posts per hour. New members (their first days, until enough of
their posts were accepted): a few posts a day, no links, one photo per post. Limits
are read from settings at each call, so tests and environments can change them."""

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.roles import is_moderator

from .errors import InvalidInput, TooFast
from .models import Contribution

# What a phone would turn into a link: a scheme, "www.", or a name.tld people type.
LINK = re.compile(
    r"(\b[a-z][a-z0-9+.-]*://|\bwww\.|\b[a-z0-9-]+\.(com|net|org|info|biz|cm|fr|io|me|ly|co|xyz)\b)",
    re.IGNORECASE,
)


def new_member_days():
    return getattr(settings, "COMMUNITY_NEW_MEMBER_DAYS", 3)


def new_member_posts_per_day():
    return getattr(settings, "COMMUNITY_NEW_MEMBER_POSTS_PER_DAY", 5)


def trusted_after_posts():
    return getattr(settings, "COMMUNITY_TRUSTED_AFTER_POSTS", 10)


def posts_per_hour():
    return getattr(settings, "COMMUNITY_POSTS_PER_HOUR", 30)


def accepted_posts(user):
    return Contribution.objects.filter(user=user, removed=False).count()


def is_new_member(user):
    """In the first days after sign-up, unless enough posts were already accepted."""
    if is_moderator(user):
        return False
    if timezone.now() - user.date_joined >= timedelta(days=new_member_days()):
        return False
    return accepted_posts(user) < trusted_after_posts()


def check_post(user, *, texts=(), photos=0):
    """Raise TooFast or InvalidInput unless `user` may post this now. Call it inside
    the transaction that stores the post: the person's row is locked, so two posts
    sent at once cannot both pass the last free slot."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    now = timezone.now()
    if not is_moderator(user):
        last_hour = Contribution.objects.filter(
            user=user, created_at__gte=now - timedelta(hours=1)
        ).count()
        if last_hour >= posts_per_hour():
            raise TooFast(_("You are posting too fast. Wait a little, then try again."))
    if not is_new_member(user):
        return
    if any(text and LINK.search(text) for text in texts):
        raise InvalidInput(
            _(
                "New members can't post links during their first days. "
                "Remove the link and post again."
            )
        )
    if photos > 1:
        raise InvalidInput(_("New members can post one photo at a time. Keep one photo."))
    limit = new_member_posts_per_day()
    today = Contribution.objects.filter(user=user, created_at__gte=now - timedelta(days=1))
    if today.count() >= limit:
        raise TooFast(
            ngettext(
                "New members can post %(count)d time a day during their first days. "
                "Try again tomorrow.",
                "New members can post %(count)d times a day during their first days. "
                "Try again tomorrow.",
                limit,
            )
            % {"count": limit}
        )


def check_edit(user, *, texts=()):
    """An edit adds no post, but a new member's edit may not slip a link in."""
    if is_new_member(user) and any(text and LINK.search(text) for text in texts):
        raise InvalidInput(
            _(
                "New members can't post links during their first days. "
                "Remove the link and post again."
            )
        )


def record_post(user, kind, object_id):
    Contribution.objects.create(user=user, kind=kind, object_id=object_id)


def mark_removed(kind, object_id, removed=True):
    """A moderator hid the post for good (or restored it): it stops (or starts again)
    counting as accepted."""
    Contribution.objects.filter(kind=kind, object_id=object_id).update(removed=removed)
