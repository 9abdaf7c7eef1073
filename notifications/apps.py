from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # The digest's Celery tasks live beside it (tasks.py is the delivery queue).
        from django.db.models.signals import post_delete, post_save

        from . import bell, digest  # noqa: F401
        from .models import Notification

        for signal in (post_save, post_delete):
            signal.connect(bell.forget_count_of_notification, sender=Notification)
