from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "live"
    verbose_name = _("Live sessions")

    def ready(self):
        from notifications import kinds

        from .notification_kinds import KINDS

        kinds.register(*KINDS)
