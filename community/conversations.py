"""Messaging context "group": each study group has one conversation whose seats follow
its members (the id is the group's)."""

from messaging import contexts

from .models import Group, Membership


def _group_id(object_id):
    try:
        return int(object_id)
    except (TypeError, ValueError):
        return None


def members(object_id):
    return set(
        Membership.objects.filter(
            group_id=_group_id(object_id) or 0, status=Membership.Status.MEMBER
        ).values_list("user_id", flat=True)
    )


def _group(object_id):
    group = Group.objects.filter(pk=_group_id(object_id) or 0).first()
    if group is None:
        raise LookupError(object_id)
    return group


def title(object_id):
    return _group(object_id).name


def url(object_id):
    return _group(object_id).get_absolute_url()


def register():
    contexts.register(
        contexts.ConversationContext(
            kind="group",
            # Nobody writes to one person about a group: the group talks together.
            may_write=lambda user, object_id, other: False,
            title=title,
            url=url,
            members=members,
        )
    )
