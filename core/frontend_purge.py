"""Dropping changed pages from the shared caches in front of the app servers (nginx's
page cache, or a CDN), through Wagtail's frontend cache (wagtail.contrib.frontend_cache).

The page cache's invalidation (core.cache_tags, core.page_invalidation) knows what a
change made stale: on a publish, the page in every language and the pages listing it; on
a price or a booking, the pages showing it. It hands their paths here once the change
has committed, so each is purged once, and never before the new rows can be read (the
app wagtail.contrib.frontend_cache would purge on publish inside the transaction: it is
not installed; its backends and purge function are used). Without WAGTAILFRONTENDCACHE
(production settings set it from the environment) every function here does nothing."""

import logging
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from wagtail.contrib.frontend_cache.backends import HTTPBackend

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
