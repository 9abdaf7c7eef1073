"""Who may write to whom: the registered contexts, moderators, and blocks.

A conversation is open when its context lets one side write to the other. Starting
one needs the starter's own right (a client writes to a professional about her
profile); once it exists, the other side may answer (the professional replies)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from core.roles import is_moderator

from . import contexts
from .errors import NotAllowed
from .models import Block


def blocked_between(user_id, other_id):
    """Whether either person blocked the other."""
    return Block.objects.filter(
        Q(blocker_id=user_id, blocked_id=other_id) | Q(blocker_id=other_id, blocked_id=user_id)
    ).exists()


def group_members(context_kind, context_id):
    """The members of a group context's object, or None for a two-person context."""
    context = contexts.get(context_kind)
    if context is None or context.members is None:
        return None
    return set(context.members(context_id))


def check_may_write(*, user, other, context_kind, context_id, existing=False):
    """Raise NotAllowed unless `user` may write to `other` about this context
    (`other` is None in a group conversation)."""
    if other is not None and blocked_between(user.pk, other.pk):
        raise NotAllowed(_("You can't write to this person."))
    if not _allowed(user, other, context_kind, str(context_id), existing):
        raise NotAllowed(_("You can't write to this person yet."))


def _allowed(user, other, context_kind, context_id, existing):
    if not user.is_active:
        return False
    if context_kind == "":
        # Moderators write to anybody; the person may answer them.
        if other is None or other.pk == user.pk or not other.is_active:
            return False
        return is_moderator(user) or (existing and is_moderator(other))
    context = contexts.get(context_kind)
    if context is None:
        return False
    if context.members is not None:
        return other is None and user.pk in set(context.members(context_id))
    if other is None or other.pk == user.pk or not other.is_active:
        return False
    if context.may_write(user, context_id, other):
        return True
    return existing and bool(context.may_write(other, context_id, user))
