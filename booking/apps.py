from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingConfig(AppConfig):
    name = "booking"
    verbose_name = _("Bookings")

    def ready(self):
        from notifications import kinds

        # These import models: only once the registry is ready.
        from . import conversations, directory_links, page_cache_links, support
        from .notification_kinds import KINDS

        directory_links.connect()
        page_cache_links.connect()
        conversations.register()
        support.register()
        kinds.register(*KINDS)
