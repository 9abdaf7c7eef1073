"""Finding a group from its address, and what every group page knows about the visitor."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from core.roles import is_moderator

from . import access
from .models import Group, Membership


def positive_int(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def group_or_404(request, group_id):
    """The group, if the visitor may see its page at all (404 otherwise)."""
    group = get_object_or_404(Group.objects.select_related("town", "owner"), pk=group_id)
    if not access.may_see_group(request.user, group):
        raise Http404
    return group


def canonical_redirect(group, slug):
    """The group's address with its current name, when an old one was used."""
    if slug != group.slug:
        return redirect(group.get_absolute_url(), permanent=True)
    return None


def viewer(request, group):
    """What the visitor is to the group: her membership, and what she may do."""
    user = request.user
    mine = access.membership_of(user, group)
    member = mine is not None and mine.status == Membership.Status.MEMBER
    return {
        "mine": mine,
        "is_member": member,
        "is_owner": user.is_authenticated and group.owner_id == user.pk,
        "is_moderator": is_moderator(user),
        "may_manage": access.may_manage(user, group),
        "may_see_inside": access.may_see_inside(user, group, member=member),
        "may_post": access.may_post(user, group, member=member),
    }


def inside_or_404(request, group):
    """The visitor's standing, for pages only members (of a private group) may read."""
    standing = viewer(request, group)
    if not standing["may_see_inside"]:
        raise Http404
    return standing
