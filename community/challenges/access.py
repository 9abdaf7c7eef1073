"""Who sees and does what in the challenges, asked the same way by views, services and
the report registry. Reading is open to everyone; entering and voting to signed-in
members whose account is active; posting a challenge to moderators and instructors."""

from django.utils.translation import gettext as _

from core.roles import is_instructor, is_moderator

from ..errors import NotAllowed


def moderates(user):
    """is_moderator, asked once per person object (it costs a query)."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_challenge_moderator"):
        user._challenge_moderator = is_moderator(user)
    return user._challenge_moderator


def may_post_challenge(user):
    return user.is_authenticated and user.is_active and (is_instructor(user) or moderates(user))


def check_member(user):
    if not user.is_authenticated or not user.is_active:
        raise NotAllowed(_("Sign in to take part in the challenges."))


def may_see_challenge(user, challenge):
    """Everyone while it is visible; its author while reports keep it hidden;
    moderators always."""
    if challenge.is_visible or moderates(user):
        return True
    return (
        challenge.visibility == challenge.Visibility.WAITING
        and user.is_authenticated
        and challenge.author_id == user.pk
    )


def may_see_entry(user, entry, challenge=None):
    challenge = challenge or entry.challenge
    if not may_see_challenge(user, challenge):
        return False
    if entry.is_visible or moderates(user):
        return True
    return (
        entry.visibility == entry.Visibility.WAITING
        and user.is_authenticated
        and entry.author_id == user.pk
    )
