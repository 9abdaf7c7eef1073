from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrolmentConfig(AppConfig):
    name = "enrolment"
    verbose_name = _("Enrolment and learning")

    def ready(self):
        from notifications import kinds

        # These import models: only once the registry is ready.
        from . import conversations, my_learning_kept, receivers, reviews_waiting, support

        # Celery's autodiscovery imports only enrolment.tasks: the worker and beat learn
        # the motivation tasks here.
        from .motivation import kept as kept_motivation
        from .motivation import tasks as motivation_tasks  # noqa: F401
        from .motivation.notification_kinds import KINDS as MOTIVATION_KINDS
        from .notification_kinds import KINDS

        conversations.register()
        support.register()
        receivers.connect()
        kept_motivation.connect()
        my_learning_kept.connect()
        reviews_waiting.connect()
        kinds.register(*KINDS, *MOTIVATION_KINDS)
