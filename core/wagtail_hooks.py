"""The admin menu groups several apps fill (moderation queues), and the read replica's
look at each page Wagtail is about to serve."""

from wagtail import hooks

from .admin_viewsets import ModerationMenu
from .read_replica import allow_replica_for_page


@hooks.register("register_admin_viewset")
def register_moderation_menu():
    return ModerationMenu()


@hooks.register("before_serve_page")
def read_public_pages_from_the_replica(page, request, serve_args, serve_kwargs):
    allow_replica_for_page(request, page)
