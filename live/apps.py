from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "live"
    verbose_name = _("Live sessions")

    def ready(self):
        from community.follows import targets
        from notifications import kinds

        from .models import LiveSession
        from .notification_kinds import KINDS

        kinds.register(*KINDS)
        # Followers see a host's open sessions while they are still on.
        targets.register(
            LiveSession,
            visible=lambda: LiveSession.objects.exclude(kind=LiveSession.Kind.PRACTICE).filter(
                status=LiveSession.Status.SCHEDULED
            ),
        )
