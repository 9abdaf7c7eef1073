"""Wagtail page changes that make cached pages stale: publish, unpublish, move, delete.

A page tree is Wagtail's, not any one app's: this is the one place that listens to it
(view restrictions included).
A changed page makes stale its own tag in every language (a translation's page shows
the language switcher and hreflang links to the others) and the tags of their
ancestors, the listings that show it (catalogue, news index, directory, home). The
paths go with the tags to the front caches (core.frontend_purge), once, after commit.
Connected once, from CoreConfig.ready."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache_tags
from .cache_tags import page_tag


def translations_of(page):
    """The page in every language (one query)."""
    return list(
        Page.objects.filter(translation_key=page.translation_key).only(
            "id", "path", "depth", "url_path", "translation_key"
        )
    )


def content_changed(page):
    """What a page shows changed, not where it sits (a rating, a price shown elsewhere):
    the page in every language and the listings that declared its tag."""
    pages = translations_of(page)
    cache_tags.invalidate(*(page_tag(version) for version in pages), paths=_paths(pages))


def tree_changed(page, *, old_ancestors=()):
    """The page appeared, went or moved: it and every listing above it, in every language."""
    pages = translations_of(page) or [page]
    ancestors = Page.objects.none()
    for version in pages:
        ancestors |= Page.objects.ancestor_of(version).filter(depth__gt=1)
    # The listings in the other languages too: an English catalogue counts the French
    # courses not yet translated.
    listings = list(
        Page.objects.filter(
            translation_key__in=ancestors.values("translation_key"), depth__gt=1
        ).only("id", "path", "depth", "url_path", "translation_key", "live")
    )
    tags = [page_tag(version) for version in pages]
    tags += [page_tag(listing.pk) for listing in listings]
    tags += [page_tag(pk) for pk in old_ancestors]
    tags.append(cache_tags.PAGE_TREE)
    shown = [listing for listing in listings if listing.live]
    cache_tags.invalidate(*tags, paths=_paths(pages + shown))


def _paths(pages):
    # url_path is the path under the site root ("/home/fr/formations/..."), not the URL:
    # only the page's own URL is known here without a request, and only when routable.
    paths = []
    for page in pages:
        url = page.get_url() if hasattr(page, "get_url") else None
        if url:
            paths.append(url)
    return paths


def _published(sender, instance, **kwargs):
    tree_changed(instance)


def _moved(sender, instance, parent_page_before=None, **kwargs):
    before = []
    if parent_page_before is not None:
        before = [parent_page_before.pk] + list(
            Page.objects.ancestor_of(parent_page_before)
            .filter(depth__gt=1)
            .values_list("pk", flat=True)
        )
    tree_changed(instance, old_ancestors=before)


def _before_delete(sender, instance, **kwargs):
    if not isinstance(instance, Page) or hasattr(instance, "_page_cache_ancestors"):
        return
    # Ancestors are only findable while the page is still in the tree.
    instance._page_cache_ancestors = list(
        Page.objects.ancestor_of(instance).filter(depth__gt=1).values_list("pk", flat=True)
    )


def _deleted(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        return
    ancestors = getattr(instance, "_page_cache_ancestors", [])
    cache_tags.invalidate(
        page_tag(instance), *(page_tag(pk) for pk in ancestors), cache_tags.PAGE_TREE
    )


def _restriction_changed(sender, instance, **kwargs):
    # Which pages anyone may see changed under the restricted page: every listing and
    # every page kept whole below it (ALL), and what is read from many pages at once.
    cache_tags.invalidate(cache_tags.ALL, cache_tags.PAGE_TREE)


def connect():
    post_save.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="page_cache.restricted"
    )
    post_delete.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="page_cache.unrestricted"
    )
    page_published.connect(_published, dispatch_uid="page_cache.published")
    page_unpublished.connect(_published, dispatch_uid="page_cache.unpublished")
    post_page_move.connect(_moved, dispatch_uid="page_cache.moved")
    # Page models only: a delete receiver for every model would stop Django deleting any
    # row without reading it first.
    for model in {Page, *get_page_models()}:
        label = model._meta.label
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"page_cache.pre.{label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"page_cache.post.{label}")
