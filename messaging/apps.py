from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "messaging"
    verbose_name = _("Messages")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from notifications import kinds

        from . import header_count, support
        from .models import Participant
        from .notification_kinds import KINDS

        kinds.register(*KINDS)
        support.register()
        for signal in (post_save, post_delete):
            signal.connect(header_count.forget_seat, sender=Participant)
