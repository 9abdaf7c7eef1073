from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CheckoutConfig(AppConfig):
    name = "checkout"
    verbose_name = _("Payments")

    def ready(self):
        from notifications import kinds

        # Checkout's own fulfiller (subscriptions) and its jobs' listeners.
        from . import notification_kinds, receivers, subscriptions, support  # noqa: F401

        kinds.register(*notification_kinds.KINDS)
        support.register()

        # Each app that sells something registers its fulfillers in <app>/fulfillers.py,
        # found the way the admin finds admin.py: checkout never names those apps.
        autodiscover_modules("fulfillers")
