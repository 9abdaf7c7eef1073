"""Joining and leaving groups: join an open group, ask to join the others (the owner or
a moderator approves or declines), leave, and hand the group over to another member.
Each change is one transaction; the people concerned are told after it."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notices
from .access import may_manage, may_see_group
from .errors import CommunityError, NotAllowed
from .models import Group, Membership

Status = Membership.Status


def _locked(group):
    return Group.objects.select_for_update().get(pk=group.pk)


def _check_can_enter(user, group):
    if not user.is_authenticated or not user.is_active:
        raise NotAllowed(_("Log in to join a group."))
    if group.visibility != Group.Visibility.VISIBLE and not may_see_group(user, group):
        raise NotAllowed(_("This group is not open to new members now."))


@transaction.atomic
def join(*, user, group):
    """Join an open group. An "ask to join" group refuses: ask, and wait for approval."""
    group = _locked(group)
    _check_can_enter(user, group)
    current = Membership.objects.filter(group=group, user=user).first()
    if current is not None and current.status == Status.MEMBER:
        raise CommunityError(_("You are already a member of this group."))
    if not group.is_open:
        raise NotAllowed(
            _("This group accepts new members on request. Ask to join, and the owner will answer.")
        )
    if current is None:
        return Membership.objects.create(group=group, user=user, status=Status.MEMBER)
    current.status, current.decided_at = Status.MEMBER, timezone.now()
    current.save(update_fields=["status", "decided_at"])
    return current


@transaction.atomic
def ask_to_join(*, user, group):
    """Ask to join an "ask to join" group (an open group is simply joined)."""
    if group.is_open:
        return join(user=user, group=group)
    group = _locked(group)
    _check_can_enter(user, group)
    current = Membership.objects.filter(group=group, user=user).first()
    if current is not None and current.status == Status.MEMBER:
        raise CommunityError(_("You are already a member of this group."))
    if current is not None and current.status == Status.REQUESTED:
        raise CommunityError(_("You have already asked to join. The owner will answer."))
    if current is None:
        current = Membership.objects.create(group=group, user=user, status=Status.REQUESTED)
    else:
        current.status, current.decided_at = Status.REQUESTED, None
        current.created_at = timezone.now()
        current.save(update_fields=["status", "decided_at", "created_at"])
    transaction.on_commit(lambda: notices.join_requested(current))
    return current


def _decide(by, membership, status):
    group = _locked(membership.group)
    if not may_manage(by, group):
        raise NotAllowed(_("Only the group's owner or a moderator can answer requests."))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != Status.REQUESTED:
        raise CommunityError(_("This request was already answered."))
    membership.status, membership.decided_at = status, timezone.now()
    membership.save(update_fields=["status", "decided_at"])
    return membership


@transaction.atomic
def approve(*, by, membership):
    membership = _decide(by, membership, Status.MEMBER)
    transaction.on_commit(lambda: notices.request_approved(membership))
    return membership


@transaction.atomic
def decline(*, by, membership):
    membership = _decide(by, membership, Status.DECLINED)
    transaction.on_commit(lambda: notices.request_declined(membership))
    return membership


@transaction.atomic
def leave(*, user, group):
    """Leave a group. The owner hands it over first, unless she is its last member:
    then the group ends with her leaving. Returns whether the group still exists."""
    group = _locked(group)
    current = Membership.objects.filter(group=group, user=user, status=Status.MEMBER).first()
    if current is None:
        raise CommunityError(_("You are not a member of this group."))
    if group.owner_id == user.pk:
        others = Membership.objects.filter(group=group, status=Status.MEMBER).exclude(user=user)
        if others.exists():
            raise NotAllowed(
                _("You own this group: hand it over to another member before you leave.")
            )
        group.delete()
        return False
    current.delete()
    return True


@transaction.atomic
def hand_over(*, by, group, new_owner):
    """The owner (or a moderator) makes another member the owner."""
    group = _locked(group)
    if not may_manage(by, group):
        raise NotAllowed(_("Only the group's owner or a moderator can hand it over."))
    if (
        new_owner is None
        or not Membership.objects.filter(group=group, user=new_owner, status=Status.MEMBER).exists()
    ):
        raise CommunityError(_("Choose a member of the group as its new owner."))
    if new_owner.pk == group.owner_id:
        raise CommunityError(_("This person already owns the group."))
    group.owner = new_owner
    group.save(update_fields=["owner"])
    transaction.on_commit(lambda: notices.ownership_received(group))
    return group
