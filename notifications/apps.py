from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # The digest's Celery tasks live beside it (tasks.py is the delivery queue).
        from . import digest  # noqa: F401
