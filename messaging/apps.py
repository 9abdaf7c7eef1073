from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "messaging"
    verbose_name = _("Messages")

    def ready(self):
        from notifications import kinds

        from . import support
        from .notification_kinds import KINDS

        kinds.register(*KINDS)
        support.register()
