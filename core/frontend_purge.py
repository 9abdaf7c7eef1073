"""Dropping changed pages from the shared caches in front of the app servers (nginx's
page cache, or a CDN), through Wagtail's frontend cache (wagtail.contrib.frontend_cache).

Wagtail purges a page itself when it is published or unpublished; this module adds the
pages that list it (its ancestors: the catalogue, the home page) and `purge_paths` for
any other change (a price, a booking) that the page cache's invalidation knows about.
Without WAGTAILFRONTENDCACHE (production settings set it from the environment) every
function here does nothing."""

import logging
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.signals import page_published, page_unpublished

from .public_urls import absolute_url

logger = logging.getLogger(__name__)

# The copies nginx keeps of one page (deploy/nginx.conf.template: $edge_data_saver).
NGINX_VARIANTS = ("light", "saver")


def is_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_paths(paths):
    """Drop these pages ("/fr/cours/", or full URLs) from every front cache. Call it
    after the change is committed, or a request in between puts the old page back."""
    if not is_configured():
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = sorted({absolute_url(path) if path.startswith("/") else path for path in paths})
    if urls:
        purge_urls_from_cache(urls)


def purge_changed(tags, paths):
    """core.cache_tags' callback: the paths the page cache knows have changed."""
    if paths:
        purge_paths(paths)


def purge_pages(pages):
    """Drop these Wagtail pages (each of its routes) from every front cache."""
    if not is_configured():
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()


def purge_listing_pages(page):
    """The pages above `page` show it in their lists (catalogue, home): drop them too."""
    purge_pages(page.get_ancestors().filter(depth__gt=1).live().specific())


def _on_page_changed(sender, instance, **kwargs):
    if is_configured():
        transaction.on_commit(lambda: purge_listing_pages(instance))


def connect_signals():
    page_published.connect(_on_page_changed, dispatch_uid="core.frontend_purge.published")
    page_unpublished.connect(_on_page_changed, dispatch_uid="core.frontend_purge.unpublished")


class NginxPurgeBackend(HTTPBackend):
    """`PURGE <path>` to nginx's purge listener (ngx_cache_purge), once per variant it
    keeps. nginx serves one site, so the Host sent is the public one (HOST, by default
    WAGTAILADMIN_BASE_URL's), whatever host the Wagtail Site record names. A page that
    was not cached answers 404: nothing to drop, not an error."""

    def __init__(self, params):
        params = dict(params)
        self.host = params.pop("HOST", "") or urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
        self.timeout = float(params.pop("TIMEOUT", 5))
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        target = urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""))
        for variant in NGINX_VARIANTS:
            # The scheme and address are the configured purge listener's.
            request = Request(  # noqa: S310
                target,
                method="PURGE",
                headers={"Host": self.host, "X-Edge-Variant": variant},
            )
            try:
                with urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                    logger.info("purged %s (%s): %s", parts.path, variant, response.status)
            except OSError as error:
                if getattr(error, "code", None) == 404:
                    continue
                logger.error("could not purge %s (%s) from nginx: %s", parts.path, variant, error)
