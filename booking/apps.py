from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingConfig(AppConfig):
    name = "booking"
    verbose_name = _("Bookings")

    def ready(self):
        from . import directory_links  # imports models: only once the registry is ready

        directory_links.connect()
