"""How people appear in the forums."""

from django.utils.translation import gettext as _


def display_name(user):
    """First and last name, or "deleted account" when the account is gone."""
    if user is None:
        return _("Deleted account")
    return user.get_full_name() or _("A member")
