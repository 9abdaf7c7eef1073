from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Professional directory")

    def ready(self):
        from . import conversations, page_cache_hits, signals

        signals.connect()
        page_cache_hits.register()
        conversations.register()
