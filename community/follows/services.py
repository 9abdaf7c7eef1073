"""Following and unfollowing a person. Both are safe to repeat and say what happened."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.cache_tags import invalidate

from ..errors import InvalidInput, NotAllowed
from ..models import Follow


def followers_tag(user_id):
    """The page cache tag of pages showing a person's number of followers."""
    return f"followers:{user_id}"


def _check(follower, followed):
    if not follower.is_authenticated or not follower.is_active:
        raise NotAllowed(_("Log in to follow people."))
    if followed is None or not followed.is_active:
        raise InvalidInput(_("This account does not exist or is closed: it can't be followed."))
    if followed.pk == follower.pk:
        raise InvalidInput(_("You can't follow yourself."))


@transaction.atomic
def follow(*, follower, followed):
    """Start following `followed`. Returns True, or False when already following (then
    nothing changes)."""
    _check(follower, followed)
    _follow, created = Follow.objects.get_or_create(follower=follower, followed=followed)
    if created:
        invalidate(followers_tag(followed.pk))
    return created


@transaction.atomic
def unfollow(*, follower, followed):
    """Stop following `followed`. Refused, with nothing changed, when not following."""
    if not follower.is_authenticated:
        raise NotAllowed(_("Log in to follow people."))
    removed, _rows = Follow.objects.filter(follower=follower, followed=followed).delete()
    if not removed:
        raise InvalidInput(_("You don't follow this person: there is nothing to stop."))
    invalidate(followers_tag(followed.pk))
    return True
