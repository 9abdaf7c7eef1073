"""The admin's "Support" menu: finding a person and the listings support reads.
Apps add their entries with `menu_hook = SUPPORT_MENU_HOOK` on a viewset, or a MenuItem
registered under that hook."""

from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup

from core.roles import is_moderator

SUPPORT_MENU_HOOK = "register_support_menu_item"


class SupportMenu(ViewSetGroup):
    menu_label = gettext_lazy("Support")
    menu_name = "support"
    menu_icon = "help"
    menu_order = 290
    submenu_hook = SUPPORT_MENU_HOOK


class ModeratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)
