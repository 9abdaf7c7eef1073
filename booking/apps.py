from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingConfig(AppConfig):
    name = "booking"
    verbose_name = _("Bookings")

    def ready(self):
        from notifications import kinds

        from . import directory_links  # imports models: only once the registry is ready
        from .notification_kinds import KINDS

        directory_links.connect()
        kinds.register(*KINDS)
