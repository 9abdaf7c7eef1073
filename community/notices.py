"""Who is told what about study groups (a request to approve, an answer, a group handed
over), through notifications.notify in each person's language. Called after the change
is stored (transaction.on_commit)."""

from django.conf import settings
from django.utils.translation import gettext as _

from notifications.services import Message, notify

from .notification_kinds import GROUP_HANDED_OVER, GROUP_JOIN_REQUESTED, GROUP_REQUEST_ANSWERED


def _link(group):
    """The group page's path and full address, in the active language."""
    path = group.get_absolute_url()
    return path, settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _message(group, subject, opening):
    path, url = _link(group)
    return Message(
        subject=subject,
        text=opening + "\n\n" + _("The group: %(url)s") % {"url": url} + "\n",
        summary=opening,
        url=path,
    )


def join_requested(membership):
    """Tell the group's owner that someone asks to join."""
    group = membership.group
    if group.owner is None:
        return

    def message():
        values = {"name": membership.user.get_full_name(), "group": group.name}
        return _message(
            group,
            _("%(name)s asks to join “%(group)s”") % values,
            _("%(name)s asks to join your group “%(group)s”. Approve or decline on the group page.")
            % values,
        )

    notify(group.owner, GROUP_JOIN_REQUESTED, message=message)


def _answer(membership, approved):
    group = membership.group

    def message():
        values = {"group": group.name}
        if approved:
            subject = _("Welcome to “%(group)s”") % values
            opening = _("Your request to join “%(group)s” was approved.") % values
        else:
            subject = _("Your request to join “%(group)s”") % values
            opening = _("Your request to join “%(group)s” was declined.") % values
        return _message(group, subject, opening)

    notify(membership.user, GROUP_REQUEST_ANSWERED, message=message)


def request_approved(membership):
    """Tell the person her request was approved."""
    _answer(membership, approved=True)


def request_declined(membership):
    """Tell the person her request was declined."""
    _answer(membership, approved=False)


def ownership_received(group):
    """Tell the new owner the group is hers."""
    if group.owner is None:
        return

    def message():
        values = {"group": group.name}
        return _message(
            group,
            _("“%(group)s” is now yours") % values,
            _("You are now the owner of the group “%(group)s”.") % values,
        )

    notify(group.owner, GROUP_HANDED_OVER, message=message)
