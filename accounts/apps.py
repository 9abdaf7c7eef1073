from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from notifications import kinds

        from .notification_kinds import KINDS
        from .support import own

        kinds.register(*KINDS)
        own.register()
