from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from notifications import kinds

        from . import (
            receivers,  # noqa: F401  (connects to enrolment.signals.course_completed)
            support,
        )
        from .badges import receivers as badge_receivers  # noqa: F401
        from .badges import rules

        # Celery's autodiscovery imports only certificates.tasks: the worker and beat
        # learn the badge tasks here.
        from .badges import tasks as badge_tasks  # noqa: F401
        from .notification_kinds import KINDS

        kinds.register(*KINDS)
        support.register()
        rules.register()
