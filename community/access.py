"""Who sees and does what in a group, asked the same way by views, services, the
messaging context and the report registry."""

from core.roles import is_moderator

from .models import Group, Membership


def membership_of(user, group):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(group=group, user=user).first()


def is_member(user, group):
    return (
        user.is_authenticated
        and Membership.objects.filter(
            group=group, user=user, status=Membership.Status.MEMBER
        ).exists()
    )


def may_manage(user, group):
    """The owner and the academy's moderators approve requests and hand the group over."""
    return user.is_authenticated and (group.owner_id == user.pk or is_moderator(user))


def may_see_group(user, group, *, member=None):
    """The group's page: everyone while it is visible; its members while reports keep
    it hidden; moderators always."""
    if group.visibility == Group.Visibility.VISIBLE or is_moderator(user):
        return True
    if group.visibility == Group.Visibility.WAITING:
        return is_member(user, group) if member is None else member
    return False


def may_see_inside(user, group, *, member=None):
    """The wall, the calendar and the members: an open group's to everyone, an "ask to
    join" group's to its members and moderators only."""
    member = is_member(user, group) if member is None else member
    if not may_see_group(user, group, member=member):
        return False
    return group.is_open or member or is_moderator(user)


def may_post(user, group, *, member=None):
    member = is_member(user, group) if member is None else member
    return member and group.visibility != Group.Visibility.REMOVED
