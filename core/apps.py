from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Infrastructure every app may use; no models of features."""

    name = "core"
    verbose_name = _("Site infrastructure")

    def ready(self):
        from . import (
            cache_tags,
            frontend_purge,
            page_invalidation,
            page_routes,
            read_replica,  # noqa: F401 (registers its system check)
        )
        from .admin_ui import register_yes_no_filters

        register_yes_no_filters()
        page_invalidation.connect()
        page_routes.connect_signals()
        # The front caches (nginx, a CDN) drop what the page cache dropped, once it has.
        cache_tags.on_invalidate(frontend_purge.purge_changed)
