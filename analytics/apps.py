from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "analytics"
    verbose_name = _("Analytics")

    def ready(self):
        # deferred: ready() runs once every app's models are loaded.
        from notifications import kinds

        from . import receivers
        from .notification_kinds import KINDS

        kinds.register(*KINDS)
        receivers.connect()
