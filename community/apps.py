from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from notifications import kinds

        from .forums.notification_kinds import KINDS as FORUM_KINDS

        kinds.register(*FORUM_KINDS)
