"""What every page shows, owned by this app: each language's home page, the main menu
(the live children of each home page that are "in menus"), the footer, the contact
settings, the site and its languages. A change to any makes every cached page stale, and
the site chrome with them (home/site_chrome.py keys on the same all-pages tag)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.cache_tags import invalidate_all

from .models import ContactSettings, FooterContent

# Home pages sit at depth 2 (under Wagtail's root): their children make the menu.
HOME_DEPTH = 2
MENU_DEPTH = 3


def _in_chrome(page):
    return page.depth in (HOME_DEPTH, MENU_DEPTH)


def _page_changed(sender, instance, **kwargs):
    if _in_chrome(instance):
        invalidate_all()


def _moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    parents = (
        getattr(parent_page_before, "depth", None),
        getattr(parent_page_after, "depth", None),
    )
    if HOME_DEPTH - 1 in parents or MENU_DEPTH - 1 in parents:
        invalidate_all()


def _chrome_changed(sender, instance, **kwargs):
    invalidate_all()


def connect():
    page_published.connect(_page_changed, dispatch_uid="home.menu.published")
    page_unpublished.connect(_page_changed, dispatch_uid="home.menu.unpublished")
    post_page_move.connect(_moved, dispatch_uid="home.menu.moved")
    # Page models only: a delete receiver for every model would stop Django deleting any
    # row without reading it first.
    for model in {Page, *get_page_models()}:
        post_delete.connect(
            _page_deleted, sender=model, dispatch_uid=f"home.menu.deleted.{model._meta.label}"
        )
    for model in (FooterContent, ContactSettings, Site, Locale):
        for signal in (post_save, post_delete):
            signal.connect(
                _chrome_changed, sender=model, dispatch_uid=f"home.chrome.{model.__name__}"
            )


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and _in_chrome(instance):
        invalidate_all()
