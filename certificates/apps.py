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
        from .notification_kinds import KINDS

        kinds.register(*KINDS)
        support.register()
