from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Infrastructure every app may use; no models of features."""

    name = "core"
    verbose_name = _("Site infrastructure")

    def ready(self):
        from . import page_invalidation
        from .admin_ui import register_yes_no_filters

        register_yes_no_filters()
        page_invalidation.connect()
