"""The admin menu groups several apps fill (moderation queues)."""

from wagtail import hooks

from .admin_viewsets import ModerationMenu


@hooks.register("register_admin_viewset")
def register_moderation_menu():
    return ModerationMenu()
