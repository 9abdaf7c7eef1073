from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Infrastructure every app may use; no models of features."""

    name = "core"
    verbose_name = _("Site infrastructure")

    def ready(self):
        from . import read_replica  # noqa: F401 (registers its system check)
        from .admin_ui import register_yes_no_filters
        from .frontend_purge import connect_signals

        register_yes_no_filters()
        connect_signals()
