"""Admin hooks: "Import a course" (IMS Common Cartridge) in the admin menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from course_pages.cartridge import views


@hooks.register("register_admin_urls")
def register_cartridge_import_url():
    return [path("courses/import/", views.import_view, name="course_pages_cartridge_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_cartridge_import_menu_item():
    return ImportMenuItem(
        _("Import a course"),
        reverse("course_pages_cartridge_import"),
        icon_name="upload",
        order=260,
    )
