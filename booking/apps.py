from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingConfig(AppConfig):
    name = "booking"
    verbose_name = _("Bookings")

    def ready(self):
        from . import conversations, directory_links  # import models: once the registry is ready

        directory_links.connect()
        conversations.register()
