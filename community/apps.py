from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from notifications import kinds

        # Both import models: only once the registry is ready.
        from . import conversations, reportables
        from .challenges import reportables as challenge_reportables
        from .challenges.notification_kinds import KINDS as CHALLENGE_KINDS
        from .forums import reportables as forum_reportables
        from .forums.notification_kinds import KINDS as FORUM_KINDS
        from .notification_kinds import KINDS

        conversations.register()
        reportables.register()
        forum_reportables.register()
        challenge_reportables.register()
        kinds.register(*KINDS, *FORUM_KINDS, *CHALLENGE_KINDS)
